"""Word lists for the synthetic corpus: medical vocabulary in zh-Hant and English, names."""

from __future__ import annotations

#: Article topics: (zh-Hant, English, slug part).
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("肝癌", "liver cancer", "liver-cancer"),
    ("骨轉移", "bone metastases", "bone-metastases"),
    ("肺癌", "lung cancer", "lung-cancer"),
    ("乳癌", "breast cancer", "breast-cancer"),
    ("大腸癌", "colorectal cancer", "colorectal-cancer"),
    ("胃癌", "stomach cancer", "stomach-cancer"),
    ("攝護腺癌", "prostate cancer", "prostate-cancer"),
    ("子宮頸癌", "cervical cancer", "cervical-cancer"),
    ("鼻咽癌", "nasopharyngeal cancer", "nasopharyngeal-cancer"),
    ("口腔癌", "oral cancer", "oral-cancer"),
    ("胰臟癌", "pancreatic cancer", "pancreatic-cancer"),
    ("食道癌", "oesophageal cancer", "oesophageal-cancer"),
    ("甲狀腺癌", "thyroid cancer", "thyroid-cancer"),
    ("淋巴瘤", "lymphoma", "lymphoma"),
    ("白血病", "leukaemia", "leukaemia"),
    ("黑色素瘤", "melanoma", "melanoma"),
    ("腎細胞癌", "kidney cancer", "kidney-cancer"),
    ("膀胱癌", "bladder cancer", "bladder-cancer"),
    ("卵巢癌", "ovarian cancer", "ovarian-cancer"),
    ("腦瘤", "brain tumours", "brain-tumours"),
    ("肝硬化", "cirrhosis", "cirrhosis"),
    ("B型肝炎", "hepatitis B", "hepatitis-b"),
    ("C型肝炎", "hepatitis C", "hepatitis-c"),
    ("骨質疏鬆", "osteoporosis", "osteoporosis"),
    ("糖尿病", "diabetes", "diabetes"),
    ("高血壓", "high blood pressure", "high-blood-pressure"),
    ("中風", "stroke", "stroke"),
    ("心臟衰竭", "heart failure", "heart-failure"),
    ("慢性腎臟病", "chronic kidney disease", "chronic-kidney-disease"),
    ("失智症", "dementia", "dementia"),
)

#: Article angles: (zh-Hant, English, slug part).
ANGLES: tuple[tuple[str, str, str], ...] = (
    ("自發性消退", "spontaneous regression", "spontaneous-regression"),
    ("放射治療", "radiotherapy", "radiotherapy"),
    ("免疫治療", "immunotherapy", "immunotherapy"),
    ("早期篩檢", "early screening", "screening"),
    ("疼痛控制", "pain control", "pain-control"),
    ("飲食與營養", "diet and nutrition", "nutrition"),
    ("手術前後", "before and after surgery", "surgery"),
    ("化學治療副作用", "chemotherapy side effects", "chemotherapy-side-effects"),
    ("標靶治療", "targeted therapy", "targeted-therapy"),
    ("復發風險", "risk of recurrence", "recurrence"),
    ("臨床試驗", "clinical trials", "clinical-trials"),
    ("緩和醫療", "palliative care", "palliative-care"),
    ("運動與復健", "exercise and rehabilitation", "rehabilitation"),
    ("家屬照護", "caring for a family member", "caregivers"),
    ("影像檢查", "imaging tests", "imaging"),
    ("基因檢測", "genetic testing", "genetic-testing"),
    ("預後與存活率", "outlook and survival", "prognosis"),
    ("常見迷思", "common myths", "myths"),
    ("戒菸戒酒", "stopping smoking and drinking", "smoking-alcohol"),
    ("疫苗", "vaccination", "vaccination"),
    ("症狀與警訊", "symptoms and warning signs", "symptoms"),
    ("診斷流程", "how it is diagnosed", "diagnosis"),
    ("追蹤檢查", "follow-up visits", "follow-up"),
    ("生活品質", "quality of life", "quality-of-life"),
    ("心理支持", "emotional support", "emotional-support"),
    ("藥物交互作用", "drug interactions", "drug-interactions"),
    ("輔助療法", "complementary therapies", "complementary-therapies"),
    ("年長者", "older adults", "older-adults"),
    ("懷孕與生育", "pregnancy and fertility", "fertility"),
    ("兒童與青少年", "children and teenagers", "children"),
)

#: zh-Hant section headings: the last one is the house-style closing section.
SECTIONS_ZH: tuple[str, ...] = (
    "什麼是{topic}？",
    "有多常見？",
    "可能的原因與機轉",
    "{angle}的選擇",
    "研究證據怎麼說",
    "何時該和醫師討論",
)
SECTIONS_EN: tuple[str, ...] = (
    "What is {topic}?",
    "How common is it?",
    "Possible causes and mechanisms",
    "Choices in {angle}",
    "What the research shows",
    "When to talk to your doctor",
)

#: Medical nouns (zh-Hant) used as sentence subjects and objects.
TERMS_ZH: tuple[str, ...] = (
    "肝癌", "肝細胞癌", "骨轉移", "放射治療", "免疫治療", "化學治療", "標靶治療", "腫瘤",
    "遠端轉移", "肝硬化", "慢性肝炎", "病毒性肝炎", "脊髓壓迫", "病理性骨折", "止痛藥物",
    "副作用", "疲倦感", "噁心嘔吐", "食慾不振", "白血球數目", "免疫系統", "發炎反應",
    "自發性消退", "臨床試驗", "隨機對照試驗", "五年存活率", "局部復發", "整體預後",
    "超音波檢查", "電腦斷層", "磁振造影", "正子造影", "組織切片", "病理報告", "甲型胎兒蛋白",
    "腫瘤標記", "肝功能", "手術切除", "肝臟移植", "射頻燒灼術", "經動脈栓塞", "立體定位放射治療",
    "遠端效應", "緩和醫療", "安寧照護", "生活品質", "營養狀態", "規律運動", "戒菸", "戒酒",
    "照顧者", "醫療團隊", "腫瘤科醫師", "放射腫瘤科", "個案報告", "統合分析", "系統性回顧",
    "觀察性研究", "世代研究", "照射劑量", "分次照射", "單次照射", "高血鈣", "雙磷酸鹽",
    "骨密度", "骨骼相關事件", "淋巴球", "細胞激素", "抗原呈現", "T細胞", "腫瘤微環境",
    "免疫檢查點抑制劑", "血管新生", "缺氧", "細胞凋亡", "基因突變", "家族病史", "危險因子",
    "篩檢計畫", "早期診斷", "晚期癌症", "疼痛分數", "嗎啡類藥物", "類固醇", "感染風險",
    "貧血", "血小板", "腎功能", "心血管疾病", "共病", "體重減輕", "黃疸", "腹水",
)

#: Verb phrases (zh-Hant) linking two terms.
VERBS_ZH: tuple[str, ...] = (
    "可能影響", "有助於改善", "常伴隨", "會增加", "可以降低", "與之密切相關的是", "不一定代表",
    "需要配合", "通常先評估", "可能延緩", "往往反映", "並不能取代", "會改變", "可用來追蹤",
    "有時會掩蓋", "需要仔細區分", "可以減輕", "可能引發", "會干擾", "能夠預測",
)

#: Sentence openers and connectors (zh-Hant).
OPENERS_ZH: tuple[str, ...] = (
    "一般來說，", "研究顯示，", "在臨床上，", "根據目前的證據，", "對多數病人而言，", "值得注意的是，",
    "換句話說，", "相較之下，", "過去十年來，", "有些醫師認為，", "在台灣，", "在香港，",
    "根據國際指引，", "從病理學的角度來看，", "", "", "",
)
CONNECTORS_ZH: tuple[str, ...] = (
    "因此", "不過", "同時", "此外", "然而", "所以", "也就是說", "另一方面",
)
TAILS_ZH: tuple[str, ...] = (
    "這一點需要和主治醫師討論", "目前的證據仍然有限", "每個人的情況不盡相同",
    "治療前應先完整評估", "病人和家屬都應該了解這些風險", "追蹤時應留意身體的變化",
    "這也是醫師安排定期檢查的原因", "不應因此延後標準治療", "結果仍需更大型的研究證實",
    "醫師會依照腫瘤大小與位置調整計畫", "大多數副作用在治療結束後會慢慢改善",
)

#: English vocabulary for sentence templates.
TERMS_EN: tuple[str, ...] = (
    "liver cancer", "hepatocellular carcinoma", "bone metastases", "radiotherapy",
    "immunotherapy", "chemotherapy", "targeted therapy", "the tumour", "distant spread",
    "cirrhosis", "chronic hepatitis", "spinal cord compression", "a pathological fracture",
    "pain medicine", "side effects", "tiredness", "nausea", "loss of appetite",
    "the white cell count", "the immune system", "inflammation", "spontaneous regression",
    "clinical trials", "randomised trials", "five-year survival", "local recurrence",
    "the overall outlook", "ultrasound", "a CT scan", "an MRI scan", "a PET scan", "a biopsy",
    "the pathology report", "alpha-fetoprotein", "tumour markers", "liver function", "surgery",
    "a liver transplant", "radiofrequency ablation", "arterial embolisation",
    "stereotactic radiotherapy", "the abscopal effect", "palliative care", "hospice care",
    "quality of life", "nutrition", "regular exercise", "stopping smoking", "cutting out alcohol",
    "carers", "the care team", "the oncologist", "case reports", "meta-analyses",
    "systematic reviews", "observational studies", "cohort studies", "the radiation dose",
    "fractionated treatment", "a single fraction", "high calcium levels", "bisphosphonates",
    "bone density", "skeletal events", "lymphocytes", "cytokines", "T cells",
    "the tumour microenvironment", "checkpoint inhibitors", "new blood vessels", "low oxygen",
    "cell death", "gene mutations", "family history", "risk factors", "screening programmes",
    "early diagnosis", "advanced cancer", "pain scores", "opioids", "steroids", "infection",
    "anaemia", "platelets", "kidney function", "heart disease", "other illnesses",
    "weight loss", "jaundice", "fluid in the abdomen",
)
VERBS_EN: tuple[str, ...] = (
    "may affect", "can help to improve", "often comes with", "can increase", "may reduce",
    "is closely linked to", "does not always mean", "has to be balanced against",
    "is usually assessed before", "may delay", "often reflects", "cannot replace", "can change",
    "is used to follow", "can sometimes hide", "must be told apart from", "can ease",
    "may trigger", "can interfere with", "helps to predict",
)
OPENERS_EN: tuple[str, ...] = (
    "In general, ", "Studies show that ", "In practice, ", "On current evidence, ",
    "For most patients, ", "It is worth knowing that ", "In other words, ", "By comparison, ",
    "Over the past decade, ", "Some doctors think that ", "In Taiwan, ", "In Hong Kong, ",
    "International guidelines say that ", "From a pathology point of view, ", "", "", "",
)
TAILS_EN: tuple[str, ...] = (
    "and this is worth discussing with your specialist",
    "although the evidence is still limited",
    "but every person's situation is different",
    "so a full assessment comes before any treatment",
    "which patients and families should understand",
    "so it helps to notice changes in how you feel",
    "which is why doctors arrange regular check-ups",
    "but standard treatment should not be delayed because of it",
    "though larger studies are needed to confirm it",
    "and the plan is adjusted to the size and position of the tumour",
    "and most side effects settle after treatment ends",
)

#: Author names: (family, given, ASCII key stem). CJK names are written family-first.
LATIN_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Smith", "John A.", "smith"), ("Johnson", "Mary", "johnson"), ("Brown", "Peter", "brown"),
    ("Taylor", "Susan", "taylor"), ("Wilson", "David", "wilson"), ("Anderson", "Lisa", "anderson"),
    ("Thompson", "Mark", "thompson"), ("Walker", "Emma", "walker"), ("Lee", "Daniel", "lee"),
    ("Chen", "Wei", "chen"), ("Wang", "Li", "wang"), ("Lin", "Yu-Ting", "lin"),
    ("Huang", "Chih-Hao", "huang"), ("Chang", "Mei-Ling", "chang"), ("Nakamura", "Kenji", "nakamura"),
    ("Tanaka", "Yuki", "tanaka"), ("Kim", "Min-jun", "kim"), ("Park", "Ji-woo", "park"),
    ("Ost", "Piet", "ost"), ("Cole", "Warren H.", "cole"), ("Everson", "Tilden C.", "everson"),
    ("Rossi", "Marco", "rossi"), ("Dubois", "Claire", "dubois"), ("Jansen", "Pieter", "jansen"),
)
#: Accented names: (family as LaTeX, given as LaTeX, key stem).
ACCENTED_NAMES: tuple[tuple[str, str, str], ...] = (
    ('M{\\"u}ller', "J{\\\"o}rg", "muller"), ("Garc{\\'i}a", "Jos{\\'e}", "garcia"),
    ("{\\O}stergaard", "S{\\o}ren", "ostergaard"), ("{\\L}ukasiewicz", "Pawe{\\l}", "lukasiewicz"),
    ("Nu{\\~n}ez", "In{\\'e}s", "nunez"), ("Schr{\\\"o}der", "G{\\\"u}nter", "schroder"),
    ("Fran{\\c{c}}ois", "Ren{\\'e}e", "francois"), ("Dvo{\\v{r}}{\\'a}k", "Anton{\\'i}n", "dvorak"),
    ("Ó Briain", "Seán", "obriain"), ("Sørensen", "Åsa", "sorensen"), ("Gómez", "María", "gomez"),
    ("Çelik", "Ayşe", "celik"),
)
#: CJK names: (family, given, key stem).
CJK_NAMES: tuple[tuple[str, str, str], ...] = (
    ("王", "小明", "wang"), ("陳", "志強", "chen"), ("林", "美玲", "lin"), ("黃", "建國", "huang"),
    ("張", "淑芬", "zhang"), ("李", "家豪", "li"), ("劉", "怡君", "liu"), ("吳", "俊傑", "wu"),
    ("蔡", "宗翰", "tsai"), ("楊", "雅婷", "yang"), ("許", "文華", "hsu"), ("鄭", "秀英", "cheng"),
    ("佐藤", "健一", "sato"), ("鈴木", "花子", "suzuki"),
)
ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("World Health Organization", "who"),
    ("衛生福利部國民健康署", "hpa"),
    ("National Cancer Institute", "nci"),
    ("European Association for the Study of the Liver", "easl"),
    ("香港癌症資料統計中心", "hkcr"),
    ("Cancer Research UK", "cruk"),
)

#: Title words for bibliography entries (English and zh-Hant).
TITLE_WORDS_EN: tuple[str, ...] = (
    "spontaneous", "regression", "hepatocellular", "carcinoma", "radiotherapy", "immune",
    "response", "bone", "metastases", "survival", "outcomes", "randomised", "trial", "cohort",
    "systematic", "review", "meta-analysis", "palliative", "stereotactic", "abscopal", "effect",
    "screening", "cirrhosis", "hepatitis", "quality", "life", "pain", "fracture", "dose",
    "fractionation", "checkpoint", "inhibitors", "biomarkers", "recurrence", "prognosis",
)
TITLE_WORDS_ZH: tuple[str, ...] = (
    "肝細胞癌", "自發性消退", "放射治療", "骨轉移", "免疫反應", "存活分析", "隨機試驗",
    "台灣", "香港", "世代研究", "病例報告", "疼痛控制", "生活品質", "篩檢", "臨床指引",
)
JOURNALS: tuple[str, ...] = (
    "The Lancet Oncology", "Journal of Clinical Oncology", "Hepatology", "Journal of Hepatology",
    "International Journal of Radiation Oncology, Biology, Physics",
    "Radiotherapy \\& Oncology", "Cancer", "JAMA Oncology", "BMJ", "台灣醫學", "臨床醫學月刊",
    "Journal of the Formosan Medical Association", "Hong Kong Medical Journal",
    "Annals of Oncology", "World Journal of Gastroenterology",
)
PUBLISHERS: tuple[tuple[str, str], ...] = (
    ("Springer", "Cham"), ("Elsevier", "Amsterdam"), ("Oxford University Press", "Oxford"),
    ("Wolters Kluwer", "Philadelphia"), ("台灣癌症基金會", "台北"), ("中文大學出版社", "香港"),
    ("Thieme", "Stuttgart"), ("John Wiley \\& Sons", "Hoboken"),
)
