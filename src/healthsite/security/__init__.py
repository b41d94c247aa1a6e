"""The Content Security Policy every built page carries: defence in depth against script."""
