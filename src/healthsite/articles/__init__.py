"""What an article page shows about itself: dates, "cite this page", JSON-LD."""
