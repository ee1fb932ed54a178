namespace ZohoCrm.Simulator.Seeding;

/// <summary>Value pools for generated records. Email domains are reserved example domains only.</summary>
internal static class NamePools
{
    public static readonly string[] FirstNames =
    [
        "Aiko", "Amara", "Anders", "Aylin", "Bruno", "Chen", "Chiara", "Dana", "Diego", "Elif", "Emeka", "Farah", "Felix",
        "Greta", "Hana", "Hugo", "Ines", "Ivan", "Jonas", "Julia", "Kai", "Karim", "Lena", "Liam", "Lucia", "Malik", "Mei",
        "Mila", "Nadia", "Noah", "Omar", "Priya", "Quinn", "Rosa", "Sanjay", "Sofia", "Tariq", "Uma", "Viktor", "Yara",
    ];

    public static readonly string[] LastNames =
    [
        "Abbott", "Bakker", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski",
        "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quiroga", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga",
        "Weber", "Xu", "Yilmaz", "Zimmermann", "Novak", "Silva", "Murphy", "Kim", "Singh", "Costa", "Horvat", "Lindqvist",
    ];

    public static readonly string[] Domains =
    [
        "example.com", "example.net", "example.org", "mail.example.com", "corp.example.net", "shop.example.org",
    ];

    public static readonly (string City, string State, string Country)[] Places =
    [
        ("Austin", "TX", "United States"), ("Denver", "CO", "United States"), ("Boston", "MA", "United States"),
        ("Berlin", "BE", "Germany"), ("Lyon", "ARA", "France"), ("Porto", "13", "Portugal"), ("Pune", "MH", "India"),
        ("Osaka", "27", "Japan"), ("Perth", "WA", "Australia"), ("Toronto", "ON", "Canada"), ("Leeds", "ENG", "United Kingdom"),
        ("Utrecht", "UT", "Netherlands"),
    ];

    public static readonly string[] Streets =
    [
        "Main Street", "Oak Avenue", "Harbour Road", "Station Lane", "Market Square", "Park Drive", "Mill Street",
        "River Walk", "Church Road", "Elm Close",
    ];

    public static readonly string[] Companies =
    [
        "Zylker", "Northwind Traders", "Contoso Foods", "Fabrikam", "Tailspin Toys", "Adventure Works", "Litware",
        "Proseware", "Wingtip Toys", "Woodgrove", "Lucerne Publishing", "Margie's Travel", "Alpine Ski House",
        "Blue Yonder Air", "Coho Winery", "Fourth Coffee", "Graphic Design Institute", "Humongous Insurance",
    ];

    public static readonly string[] Titles = ["Manager", "Director", "Engineer", "Analyst", "Buyer", "Consultant", "VP Sales", "CFO"];

    public static readonly string[] Departments = ["Sales", "Finance", "Operations", "IT", "Marketing", "Procurement"];

    public static readonly string[] LeadSources = ["Advertisement", "Cold Call", "Employee Referral", "Online Store", "Partner", "Web Download", "Trade Show"];

    public static readonly string[] LeadStatuses = ["Attempted to Contact", "Contact in Future", "Contacted", "Not Contacted", "Pre-Qualified"];

    public static readonly string[] Industries = ["Retail", "Manufacturing", "Healthcare", "Education", "Technology", "Finance", "Logistics"];

    public static readonly string[] CaseStatuses = ["New", "On Hold", "Escalated", "Closed"];

    public static readonly string[] CaseOrigins = ["Email", "Phone", "Web"];

    public static readonly string[] Priorities = ["High", "Medium", "Low"];

    public static readonly string[] CaseTypes = ["Problem", "Feature Request", "Question"];

    public static readonly string[] CaseReasons = ["User did not attend any training", "Complex functionality", "Existing problem", "Instructions not clear", "New problem"];

    public static readonly string[] CaseSubjects = ["Login fails", "Invoice question", "Delivery delayed", "Refund request", "Wrong item shipped", "Account locked", "Data export"];

    public static readonly string[] CallSubjects = ["Follow-up", "Demo call", "Renewal", "Discovery", "Support callback", "Pricing discussion"];

    public static readonly string[] CallTypes = ["Outbound", "Inbound", "Missed"];

    public static readonly string[] CallPurposes = ["Prospecting", "Administrative", "Negotiation", "Demo", "Project"];

    public static readonly string[] CallResults = ["Interested", "Not interested", "No response", "Requested more info"];

    public static readonly string[] TaskSubjects = ["Send proposal", "Prepare contract", "Call back", "Email brochure", "Schedule meeting"];

    public static readonly string[] TaskStatuses = ["Not Started", "In Progress", "Completed", "Deferred", "Waiting for input"];

    public static readonly string[] EventTitles = ["Quarterly review", "Site visit", "Workshop", "Kick-off", "Training session"];

    public static readonly string[] QuoteStages = ["Draft", "Negotiation", "Delivered", "On Hold", "Confirmed", "Closed Won"];

    public static readonly string[] InvoiceStatuses = ["Created", "Approved", "Delivered", "Cancelled"];

    public static readonly string[] OrderStatuses = ["Created", "Approved", "Delivered", "Cancelled"];

    public static readonly string[] Products = ["Licenses", "Support plan", "Hardware kit", "Training", "Consulting hours"];

    public static readonly string[] ProcessingBases = ["Consent - Obtained", "Legitimate Interests", "Contract", "Legal Obligation"];

    public static readonly string[] ConsentChannels = ["Email", "Call", "Survey", "Social"];

    public static readonly string[] DealStages =
    [
        "Qualification", "Needs Analysis", "Value Proposition", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost",
    ];

    public static readonly string[] NoteTitles = ["Call summary", "Follow-up", "Meeting notes", "Renewal", "Support request"];

    public static readonly string[] NoteContents =
    [
        "Discussed the renewal terms; waiting for the signed order.", "Asked for a demo of the reporting add-on next week.",
        "Prefers to be called in the afternoon.", "Raised a billing question; forwarded to finance.",
        "Happy with the onboarding; check in after the first month.",
    ];

    public static readonly string[] FileNames =
    [
        "contract.pdf", "proposal.pdf", "signed-order.pdf", "invoice-scan.png", "requirements.docx", "meeting-notes.txt",
    ];

    public static readonly string[] LinkNames = ["Shared folder", "Project board", "Recorded demo"];
}
