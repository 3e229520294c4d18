using FairShare.Domain;

namespace FairShare.Features.Demo;

/// <summary>
/// Northshire County Council, a fictional county, with Westvale Borough Council next door and two
/// approved external suppliers. Figures are of the size a real county sees (a £1.1bn gross budget,
/// support services of £1m–£15m) so that comparisons and recharges look like the real thing.
/// </summary>
public static class DemoCatalogue
{
    public const string CountyCode = "NCC";
    public const string NeighbourCode = "WBC";

    private static readonly (string Code, string Name)[] Directorates =
    [
        ("RES", "Resources"),
        ("ASC", "Adults and Health"),
        ("CYP", "Children and Young People"),
        ("ETI", "Environment, Transport and Infrastructure"),
        ("COM", "Communities and Culture"),
        ("CEX", "Chief Executive's Office"),
    ];

    // Directorate, code, name, kind, budget 2026/27 in pounds.
    private static readonly (string Dir, string Code, string Name, CostCentreKind Kind, long Budget)[] CostCentres =
    [
        ("RES", "S-LEG", "Legal Services", CostCentreKind.Support, 4_850_000),
        ("RES", "S-HR", "Human Resources", CostCentreKind.Support, 5_200_000),
        ("RES", "S-PAY", "Payroll and Pensions Administration", CostCentreKind.Support, 1_950_000),
        ("RES", "S-FIN", "Finance and Accountancy", CostCentreKind.Support, 6_400_000),
        ("RES", "S-AUD", "Internal Audit", CostCentreKind.Support, 1_150_000),
        ("RES", "S-ICT", "ICT Services", CostCentreKind.Support, 14_800_000),
        ("RES", "S-PRT", "Print and Design", CostCentreKind.Support, 1_300_000),
        ("RES", "S-COMMS", "Communications and Engagement", CostCentreKind.Support, 1_600_000),
        ("RES", "S-PROC", "Procurement", CostCentreKind.Support, 2_100_000),
        ("RES", "S-PROP", "Property and Facilities Management", CostCentreKind.Support, 9_700_000),
        ("RES", "S-INS", "Insurance and Risk Management", CostCentreKind.Support, 1_250_000),
        ("RES", "S-HS", "Health and Safety", CostCentreKind.Support, 850_000),
        ("CEX", "C-CDC", "Corporate and Democratic Core", CostCentreKind.CorporateAndDemocraticCore, 3_900_000),
        ("CEX", "C-NDC", "Non-Distributed Costs", CostCentreKind.NonDistributedCosts, 2_300_000),
        ("ASC", "F-OP", "Older People's Services", CostCentreKind.Frontline, 182_000_000),
        ("ASC", "F-LD", "Learning Disability Services", CostCentreKind.Frontline, 121_000_000),
        ("ASC", "F-MH", "Mental Health Services", CostCentreKind.Frontline, 38_500_000),
        ("ASC", "F-PD", "Physical Disability Services", CostCentreKind.Frontline, 41_200_000),
        ("ASC", "F-PH", "Public Health", CostCentreKind.Frontline, 33_800_000),
        ("ASC", "F-SAFE", "Adult Safeguarding", CostCentreKind.Frontline, 6_900_000),
        ("CYP", "F-CSC", "Children's Social Care", CostCentreKind.Frontline, 96_000_000),
        ("CYP", "F-FOST", "Fostering and Adoption", CostCentreKind.Frontline, 28_400_000),
        ("CYP", "F-SEND", "Special Educational Needs and Disabilities", CostCentreKind.Frontline, 64_700_000),
        ("CYP", "F-EH", "Early Help and Family Support", CostCentreKind.Frontline, 14_300_000),
        ("CYP", "F-EDU", "Education Improvement", CostCentreKind.Frontline, 7_900_000),
        ("CYP", "F-HTS", "Home to School Transport", CostCentreKind.Frontline, 43_600_000),
        ("CYP", "F-YOS", "Youth Justice Service", CostCentreKind.Frontline, 4_200_000),
        ("ETI", "F-HWY", "Highways Maintenance", CostCentreKind.Frontline, 47_500_000),
        ("ETI", "F-WD", "Waste Disposal", CostCentreKind.Frontline, 58_300_000),
        ("ETI", "F-TS", "Trading Standards", CostCentreKind.Frontline, 3_100_000),
        ("ETI", "F-PLAN", "Strategic Planning", CostCentreKind.Frontline, 2_800_000),
        ("ETI", "F-FLOOD", "Flood Risk Management", CostCentreKind.Frontline, 1_900_000),
        ("ETI", "F-TRAN", "Public Transport and Concessionary Fares", CostCentreKind.Frontline, 19_600_000),
        ("ETI", "F-CRW", "Countryside and Rights of Way", CostCentreKind.Frontline, 2_400_000),
        ("ETI", "F-ECON", "Economic Development", CostCentreKind.Frontline, 3_700_000),
        ("COM", "F-LIB", "Libraries", CostCentreKind.Frontline, 11_200_000),
        ("COM", "F-ARCH", "Archives and Records", CostCentreKind.Frontline, 1_800_000),
        ("COM", "F-REG", "Registration Services", CostCentreKind.Frontline, 1_600_000),
        ("COM", "F-COR", "Coroner's Service", CostCentreKind.Frontline, 2_700_000),
        ("COM", "F-ADL", "Adult Learning", CostCentreKind.Frontline, 4_900_000),
        ("COM", "F-MUS", "Museums and Heritage", CostCentreKind.Frontline, 2_200_000),
        ("COM", "F-FIRE", "Fire and Rescue Service", CostCentreKind.Frontline, 39_800_000),
    ];

    private static readonly (string Dir, string Code, string Name, CostCentreKind Kind, long Budget)[] NeighbourCostCentres =
    [
        ("RES", "WB-LEG", "Westvale Legal Partnership", CostCentreKind.Support, 2_300_000),
        ("RES", "WB-PAY", "Westvale Payroll Bureau", CostCentreKind.Support, 900_000),
        ("RES", "WB-AUD", "Westvale Audit Partnership", CostCentreKind.Support, 700_000),
        ("RES", "WB-PRT", "Westvale Reprographics", CostCentreKind.Support, 450_000),
        ("RES", "WB-ICT", "Westvale Digital", CostCentreKind.Support, 3_900_000),
        ("PLC", "WB-HSG", "Housing Options", CostCentreKind.Frontline, 6_100_000),
        ("PLC", "WB-WCOL", "Waste Collection", CostCentreKind.Frontline, 8_800_000),
        ("CEX", "WB-CDC", "Corporate and Democratic Core", CostCentreKind.CorporateAndDemocraticCore, 1_200_000),
    ];

    /// <summary>The password of every demo account. The demo sign-in page lists the accounts; never use it elsewhere.</summary>
    public const string DemoPassword = "fairshare-demo";

    /// <summary>One demo person per role in each authority: email, name, role, and the cost centre or supplier code of its scope.</summary>
    public static IReadOnlyList<(string Authority, string Email, string Name, Domain.Access.Role Role, string? Scope)> People { get; } =
    [
        (CountyCode, "budget.holder@northshire.example", "Priya Shah", Domain.Access.Role.BudgetHolder, "F-OP"),
        (CountyCode, "provider.manager@northshire.example", "David Okafor", Domain.Access.Role.ProviderManager, "S-LEG"),
        (CountyCode, "provider.staff@northshire.example", "Emma Clarke", Domain.Access.Role.ProviderStaff, "S-LEG"),
        (CountyCode, "finance.officer@northshire.example", "Tom Hughes", Domain.Access.Role.FinanceOfficer, null),
        (CountyCode, "vfm.panel@northshire.example", "Margaret Ellis", Domain.Access.Role.ValueForMoneyPanel, null),
        (CountyCode, "auditor@northshire.example", "Sam Patel", Domain.Access.Role.Auditor, null),
        (CountyCode, "supplier@brightline.example", "Jo Whitfield (Brightline Legal)", Domain.Access.Role.Supplier, "SUP-BRIGHT"),
        (CountyCode, "admin@northshire.example", "Alex Morgan", Domain.Access.Role.Administrator, null),
        (NeighbourCode, "budget.holder@westvale.example", "Chris Byrne", Domain.Access.Role.BudgetHolder, "WB-HSG"),
        (NeighbourCode, "provider.manager@westvale.example", "Fatima Malik", Domain.Access.Role.ProviderManager, "WB-LEG"),
        (NeighbourCode, "provider.staff@westvale.example", "Gareth Lewis", Domain.Access.Role.ProviderStaff, "WB-LEG"),
        (NeighbourCode, "finance.officer@westvale.example", "Helen Price", Domain.Access.Role.FinanceOfficer, null),
        (NeighbourCode, "vfm.panel@westvale.example", "Ian Forbes", Domain.Access.Role.ValueForMoneyPanel, null),
        (NeighbourCode, "auditor@westvale.example", "Julia Reed", Domain.Access.Role.Auditor, null),
        (NeighbourCode, "supplier@harbour.example", "Kieran Doyle (Harbour Facilities)", Domain.Access.Role.Supplier, "SUP-HARBOUR"),
        (NeighbourCode, "admin@westvale.example", "Laura Bennett", Domain.Access.Role.Administrator, null),
    ];

    /// <summary>One offering: its provider (a cost centre or supplier code), what it is, and its 2026/27 price.</summary>
    private sealed record Spec(
        string Provider, string Code, string Name, string Category, string Unit, ChargingClass Class,
        PricingTerms Price, string Description, params (string Measure, string Target, int? Days)[] Levels);

    private static PayAsYouGo Rate(decimal r) => new(r);
    private static Subscription Package(long fee, decimal included, decimal? overage, InvoiceSchedule schedule) =>
        new(Money.FromPounds(fee), included, overage, schedule);
    private static FixedFeePlusDriver FeePlus(decimal fee, decimal rate, string driver) => new(Money.FromPounds(fee), rate, driver);
    private static Quoted Quote(decimal? indicative = null) => new(indicative);

    private const ChargingClass T = ChargingClass.Tradeable;
    private const ChargingClass M = ChargingClass.Mandatory;
    private const ChargingClass C = ChargingClass.CorporateCore;
    private const ChargingClass P = ChargingClass.Pooled;

    private static readonly Spec[] CountyOfferings =
    [
        // Legal
        new("S-LEG", "LEG-ADV", "Legal advice (solicitor hour)", "Legal", "hour", T, Rate(92.50m),
            "Advice from a qualified solicitor on any matter of local government law.",
            ("First response", "acknowledged and allocated", 2), ("Advice delivered", "for routine matters", 10)),
        new("S-LEG", "LEG-CHILD", "Child care proceedings", "Legal", "case", M, Quote(98m),
            "Representation of the council in public law children proceedings. Statutory: must be bought internally.",
            ("Case allocated", "to a named solicitor", 1)),
        new("S-LEG", "LEG-CONTRACT", "Contract drafting and review", "Legal", "hour", T, Rate(88.00m),
            "Drafting, reviewing and negotiating contracts and agreements.", ("First draft", "", 15)),
        new("S-LEG", "LEG-PROP", "Property conveyancing", "Legal", "hour", T, Rate(85.00m),
            "Leases, acquisitions, disposals and licences.", ("Completion", "standard lease", 40)),
        new("S-LEG", "LEG-SLA", "Legal services package", "Legal", "hour", T, Package(46_000, 500, 89.00m, InvoiceSchedule.Monthly),
            "An annual allocation of solicitor time for services with steady demand.", ("First response", "", 2)),
        new("S-LEG", "LEG-TRIB", "Major litigation and tribunals", "Legal", "case", P, Quote(),
            "Employment tribunals, judicial reviews and other rare, high-cost litigation, met from the legal risk pool.",
            ("Case allocated", "", 2)),
        new("S-LEG", "LEG-MONO", "Monitoring Officer", "Governance", "year", C, Package(310_000, 0, null, InvoiceSchedule.Annual),
            "The statutory Monitoring Officer role. Corporate core: centrally funded, never charged.",
            ("Standards complaints", "initial assessment", 20)),
        // HR
        new("S-HR", "HR-ADV", "HR advice and casework", "Human resources", "hour", T, Rate(61.00m),
            "Employee relations advice: discipline, grievance, sickness absence, capability.", ("First response", "", 2)),
        new("S-HR", "HR-REC", "Recruitment campaign", "Human resources", "vacancy", T, Rate(395.00m),
            "Advert, shortlisting support, pre-employment checks and offer.", ("Advert live", "after approval", 5)),
        new("S-HR", "HR-SLA", "HR business partner package", "Human resources", "FTE", T, FeePlus(2_400m, 38.50m, "FTE"),
            "A named business partner, workforce reports and casework, priced by headcount.", ("Monthly workforce report", "by working day", 5)),
        new("S-HR", "HR-OH", "Occupational health referral", "Human resources", "referral", T, Rate(165.00m),
            "Referral to the occupational health provider with a written report.", ("Appointment offered", "", 10)),
        new("S-HR", "HR-TRAIN", "Corporate training course place", "Human resources", "place", T, Rate(145.00m),
            "A place on the corporate learning and development programme.", ("Course calendar", "published quarterly", null)),
        new("S-HR", "HR-DBS", "DBS check", "Human resources", "check", M, Rate(54.40m),
            "Disclosure and Barring Service checks; mandatory for safeguarding roles.", ("Submitted", "", 2)),
        new("S-HR", "HR-POL", "Workforce policy and pay strategy", "Human resources", "year", C, Package(185_000, 0, null, InvoiceSchedule.Annual),
            "Council-wide HR policy, pay and grading. Corporate core.", ("Policy review", "every policy reviewed within three years", null)),
        // Payroll
        new("S-PAY", "PAY-SLIP", "Payroll (per payslip)", "Payroll", "payslip", T, Rate(6.85m),
            "Monthly payroll processing, payslips, statutory deductions and year end.", ("Pay date met", "100% of runs", 0)),
        new("S-PAY", "PAY-PKG", "Payroll package", "Payroll", "payslip", T, Package(38_000, 6_000, 6.40m, InvoiceSchedule.Monthly),
            "An annual package of up to 6,000 payslips with starters, leavers and changes included.", ("Pay date met", "100% of runs", 0)),
        new("S-PAY", "PAY-SCH", "Schools payroll", "Payroll", "pupil", T, FeePlus(466.14m, 1.14m, "pupil"),
            "Payroll for maintained schools: a fixed fee per school plus a rate per pupil, invoiced 7/12 and 5/12.", ("Pay date met", "", 0)),
        new("S-PAY", "PAY-PEN", "Pension scheme administration", "Payroll", "member", M, Rate(21.30m),
            "Local Government Pension Scheme employer returns. Mandatory.", ("Monthly return", "by the 19th", null)),
        // Finance
        new("S-FIN", "FIN-BP", "Finance business partnering", "Finance", "hour", T, Rate(71.00m),
            "Budget monitoring, forecasting and advice from a qualified accountant.", ("Monthly monitoring", "by working day", 8)),
        new("S-FIN", "FIN-AP", "Accounts payable", "Finance", "invoice", T, Rate(3.20m),
            "Supplier invoice processing and payment.", ("Invoice paid", "within terms", 30)),
        new("S-FIN", "FIN-AR", "Debt recovery", "Finance", "invoice", T, Rate(4.75m),
            "Raising sales invoices and recovering debt.", ("Reminder issued", "after due date", 14)),
        new("S-FIN", "FIN-GRANT", "Grant claim preparation", "Finance", "claim", T, Quote(71m),
            "Preparing and certifying grant claims to government departments.", ("Claim submitted", "before the deadline", null)),
        new("S-FIN", "FIN-S151", "Section 151 officer and statutory accounts", "Finance", "year", C, Package(420_000, 0, null, InvoiceSchedule.Annual),
            "The Chief Finance Officer's statutory duties and the statement of accounts. Corporate core.",
            ("Draft accounts", "by 31 May", null)),
        new("S-FIN", "FIN-TREAS", "Treasury management", "Finance", "year", M, Package(95_000, 0, null, InvoiceSchedule.Annual),
            "Cash flow, borrowing and investments. Mandatory.", ("Daily cash position", "by 10am", 0)),
        new("S-FIN", "FIN-SCH", "Schools finance support", "Finance", "pupil", T, FeePlus(380.00m, 0.96m, "pupil"),
            "Budget setting and monitoring for maintained schools.", ("Budget plan review", "", 10)),
        // Internal audit
        new("S-AUD", "AUD-DAY", "Internal audit day", "Internal audit", "day", T, Rate(465.00m),
            "An auditor day for assurance or advisory reviews beyond the annual plan.", ("Draft report", "after fieldwork", 15)),
        new("S-AUD", "AUD-PLAN", "Annual internal audit plan", "Internal audit", "year", C, Package(640_000, 0, null, InvoiceSchedule.Annual),
            "The Head of Internal Audit's annual opinion and risk-based plan. Corporate core.", ("Annual opinion", "by 30 June", null)),
        new("S-AUD", "AUD-FRAUD", "Counter-fraud investigation", "Internal audit", "day", P, Rate(480.00m),
            "Investigation of suspected fraud, met from the counter-fraud pool.", ("Investigation started", "", 5)),
        new("S-AUD", "AUD-SCH", "Schools audit", "Internal audit", "school", T, Package(1_650, 1, 1_650m, InvoiceSchedule.SevenTwelfthsFiveTwelfths),
            "A financial controls audit for a maintained school, invoiced 7/12 and 5/12.", ("Report issued", "after visit", 15)),
        // ICT
        new("S-ICT", "ICT-DEV", "End-user device and support", "ICT", "device", T, Package(780_000, 2_000, 395.00m, InvoiceSchedule.Monthly),
            "A laptop refreshed every four years, Microsoft 365 licence and service desk support.", ("Priority 1 incident", "fix within 4 hours", 0), ("Service request", "", 3)),
        new("S-ICT", "ICT-DEVP", "Device support (pay as you go)", "ICT", "device", T, Rate(410.00m),
            "A managed device with support, charged per device per year.", ("Service request", "", 3)),
        new("S-ICT", "ICT-DEV-DAY", "Software development day", "ICT", "day", T, Rate(520.00m),
            "A developer day for digital services and integrations.", ("Estimate", "for a new request", 10)),
        new("S-ICT", "ICT-PROJ", "ICT project delivery", "ICT", "project", T, Quote(560m),
            "Projects such as a system implementation, quoted per project.", ("Quote provided", "", 15)),
        new("S-ICT", "ICT-NET", "Network and cyber security", "ICT", "FTE", M, FeePlus(1_500m, 42.00m, "FTE"),
            "Network, firewall, PSN compliance and cyber security. Mandatory.", ("Critical patch", "applied", 14)),
        new("S-ICT", "ICT-PHONE", "Mobile phone", "ICT", "phone", T, Rate(168.00m),
            "A smartphone with contract, per phone per year.", ("Replacement", "", 2)),
        new("S-ICT", "ICT-GIS", "GIS mapping service", "ICT", "licence", T, Package(24_000, 40, 610.00m, InvoiceSchedule.Annual),
            "Corporate GIS, mapping data and licences.", ("Map request", "", 5)),
        // Print and design
        new("S-PRT", "PRT-MONO", "Mono print (A4)", "Print and design", "page", T, Rate(0.035m),
            "High-volume mono printing, A4.", ("Turnaround", "standard jobs", 3)),
        new("S-PRT", "PRT-COL", "Colour print (A4)", "Print and design", "page", T, Rate(0.12m),
            "Colour printing, A4.", ("Turnaround", "standard jobs", 3)),
        new("S-PRT", "PRT-DES", "Graphic design hour", "Print and design", "hour", T, Rate(48.00m),
            "Design of leaflets, reports and campaigns to the council's brand.", ("First proof", "", 5)),
        new("S-PRT", "PRT-MAIL", "Post room and mail", "Print and design", "item", T, Rate(0.92m),
            "Outgoing post, franking and hybrid mail.", ("Same-day posting", "if received by 3pm", 0)),
        new("S-PRT", "PRT-BESP", "Bespoke print job", "Print and design", "job", T, Quote(),
            "Large or specialist print jobs, quoted per job.", ("Quote provided", "", 2)),
        // Communications
        new("S-COMMS", "COM-CAMP", "Communications campaign", "Communications", "campaign", T, Quote(55m),
            "Planned campaigns: strategy, content, social media and evaluation.", ("Campaign plan", "", 10)),
        new("S-COMMS", "COM-PRESS", "Press office and media handling", "Communications", "year", C, Package(240_000, 0, null, InvoiceSchedule.Annual),
            "Corporate press office. Corporate core.", ("Media enquiry", "responded to the same day", 0)),
        new("S-COMMS", "COM-WEB", "Web content publishing", "Communications", "hour", T, Rate(45.00m),
            "Publishing and updating pages on the council website.", ("Update published", "", 2)),
        new("S-COMMS", "COM-TRANS", "Translation and interpreting", "Communications", "hour", T, Rate(38.00m),
            "Translation and interpreting, including British Sign Language.", ("Booking confirmed", "", 3)),
        // Procurement
        new("S-PROC", "PROC-TEND", "Tender exercise", "Procurement", "tender", T, Quote(65m),
            "A compliant procurement under the Procurement Act 2023, quoted per tender.", ("Tender published", "after specification agreed", 20)),
        new("S-PROC", "PROC-ADV", "Procurement advice", "Procurement", "hour", T, Rate(64.00m),
            "Advice on routes to market and contract management.", ("First response", "", 3)),
        new("S-PROC", "PROC-GOV", "Contract procedure rules and assurance", "Procurement", "year", M, Package(150_000, 0, null, InvoiceSchedule.Annual),
            "Maintaining the contract procedure rules, contracts register and transparency returns. Mandatory.", ("Contracts register", "published quarterly", null)),
        // Property
        new("S-PROP", "PROP-FM", "Facilities management", "Property and facilities", "m²", T, FeePlus(5_000m, 24.50m, "m² of floor area"),
            "Cleaning, security, reception and maintenance of council buildings, by floor area.", ("Reactive repair (urgent)", "", 1)),
        new("S-PROP", "PROP-ACC", "Office accommodation", "Property and facilities", "workstation", M, Rate(2_950.00m),
            "A workstation in a corporate office, per year. Mandatory while in the estate.", ("Desk moves", "", 10)),
        new("S-PROP", "PROP-VAL", "Property valuation", "Property and facilities", "valuation", T, Rate(640.00m),
            "Valuations for accounts, disposals and leases by a RICS valuer.", ("Valuation report", "", 20)),
        new("S-PROP", "PROP-CAP", "Capital project management", "Property and facilities", "project", T, Quote(68m),
            "Management of building and refurbishment projects.", ("Feasibility report", "", 30)),
        new("S-PROP", "PROP-ENERGY", "Energy management", "Property and facilities", "building", T, Package(18_500, 25, 720.00m, InvoiceSchedule.SevenTwelfthsFiveTwelfths),
            "Utility procurement, metering and carbon reporting.", ("Monthly energy report", "", 10)),
        // Insurance and risk
        new("S-INS", "INS-LIAB", "Liability insurance and claims", "Insurance and risk", "FTE", P, FeePlus(0m, 48.00m, "FTE"),
            "Employer's and public liability cover, met from the insurance pool by headcount.", ("Claim acknowledged", "", 2)),
        new("S-INS", "INS-PROP", "Property insurance", "Insurance and risk", "building", P, Rate(1_150.00m),
            "Buildings and contents cover for council premises, from the insurance pool.", ("Claim acknowledged", "", 2)),
        new("S-INS", "INS-RISK", "Risk management advice", "Insurance and risk", "hour", T, Rate(58.00m),
            "Risk registers, business continuity and emergency planning advice.", ("First response", "", 5)),
        new("S-INS", "INS-CORP", "Corporate risk register", "Insurance and risk", "year", C, Package(60_000, 0, null, InvoiceSchedule.Annual),
            "The strategic risk register for the audit committee. Corporate core.", ("Committee report", "quarterly", null)),
        // Health and safety
        new("S-HS", "HS-ADV", "Health and safety advice", "Health and safety", "hour", T, Rate(55.00m),
            "Competent health and safety advice.", ("First response", "", 3)),
        new("S-HS", "HS-AUDIT", "Premises safety inspection", "Health and safety", "inspection", M, Rate(310.00m),
            "Statutory inspection of premises. Mandatory.", ("Report issued", "after inspection", 10)),
        new("S-HS", "HS-TRAIN", "First aid training place", "Health and safety", "place", T, Rate(120.00m),
            "A place on a three-day first aid at work course.", ("Course calendar", "monthly", null)),
        // External suppliers
        new("SUP-BRIGHT", "BL-ADV", "Legal advice (Brightline Legal)", "Legal", "hour", T, Rate(145.00m),
            "Advice from a panel law firm under the regional legal services framework.", ("First response", "", 1), ("Advice delivered", "", 7)),
        new("SUP-BRIGHT", "BL-CONTRACT", "Contract drafting (Brightline Legal)", "Legal", "hour", T, Rate(135.00m),
            "Contract work from a panel law firm.", ("First draft", "", 10)),
        new("SUP-BRIGHT", "BL-LIT", "Litigation (Brightline Legal)", "Legal", "case", T, Quote(160m),
            "Litigation and advocacy, quoted per case.", ("Case allocated", "", 1)),
        new("SUP-COBALT", "CB-SLIP", "Payroll per payslip (Cobalt Payroll)", "Payroll", "payslip", T, Rate(5.95m),
            "Outsourced payroll bureau service.", ("Pay date met", "99.9% of runs", 0)),
        new("SUP-COBALT", "CB-PKG", "Managed payroll package (Cobalt Payroll)", "Payroll", "payslip", T, Package(33_000, 6_000, 6.10m, InvoiceSchedule.Monthly),
            "A managed payroll package of up to 6,000 payslips a year.", ("Pay date met", "99.9% of runs", 0)),
        new("SUP-COBALT", "CB-AUDIT", "Internal audit day (Cobalt Assurance)", "Internal audit", "day", T, Rate(520.00m),
            "Auditor days from the supplier's public sector assurance team.", ("Draft report", "", 10)),
        new("SUP-COBALT", "CB-PRINT", "Mono print A4 (Cobalt Print)", "Print and design", "page", T, Rate(0.029m),
            "Mono printing from an off-site print centre; next-day delivery.", ("Turnaround", "", 4)),
    ];

    private static readonly Spec[] NeighbourOfferings =
    [
        new("WB-LEG", "WB-LEG-ADV", "Legal advice (Westvale Legal Partnership)", "Legal", "hour", T, Rate(84.00m),
            "Solicitor advice from Westvale's shared legal service, open to neighbouring councils.", ("First response", "", 3), ("Advice delivered", "", 10)),
        new("WB-LEG", "WB-LEG-PROP", "Property conveyancing (Westvale)", "Legal", "hour", T, Rate(79.00m),
            "Leases and property transactions.", ("Completion", "standard lease", 45)),
        new("WB-PAY", "WB-PAY-SLIP", "Payroll bureau (Westvale)", "Payroll", "payslip", T, Rate(6.20m),
            "Payroll processing for other public bodies.", ("Pay date met", "100% of runs", 0)),
        new("WB-AUD", "WB-AUD-DAY", "Internal audit day (Westvale Audit Partnership)", "Internal audit", "day", T, Rate(430.00m),
            "Auditor days from a shared audit partnership.", ("Draft report", "", 20)),
        new("WB-PRT", "WB-PRT-MONO", "Mono print A4 (Westvale)", "Print and design", "page", T, Rate(0.032m),
            "Mono printing, A4.", ("Turnaround", "", 5)),
        new("WB-ICT", "WB-ICT-DEV", "Device support (Westvale Digital)", "ICT", "device", T, Rate(375.00m),
            "A managed device with service desk support, per device per year.", ("Service request", "", 4)),
        new("WB-ICT", "WB-ICT-HOST", "Application hosting (Westvale Digital)", "ICT", "server", T, Package(9_600, 4, 2_300m, InvoiceSchedule.Annual),
            "Hosting of line-of-business applications in Westvale's data centre.", ("Availability", "99.5% a month", null)),
    ];

    /// <summary>Westvale's own offerings, not listed on the marketplace: no other authority may see them.</summary>
    private static readonly Spec[] NeighbourPrivateOfferings =
    [
        new("WB-LEG", "WB-LEG-HSG", "Housing possession proceedings (Westvale internal)", "Housing law", "case", M, Quote(81m),
            "Possession proceedings for Westvale's own housing service.", ("Case allocated", "", 2)),
        new("SUP-HARBOUR", "HB-FM", "Facilities management (Harbour Facilities)", "Property and facilities", "m²", T, FeePlus(2_000m, 21.75m, "m² of floor area"),
            "Cleaning and maintenance from Westvale's approved facilities contractor.", ("Reactive repair (urgent)", "", 1)),
    ];

    /// <summary>Builds the demo organisations, with budgets and prices for the financial year starting in
    /// <paramref name="currentYear"/> and the year before; the caller saves them.</summary>
    public static IReadOnlyList<object> Build(int currentYear)
    {
        var entities = new List<object>();
        // Both let their suppliers sign in, so the demo's supplier accounts show what a supplier sees (a new authority's default is off).
        var county = new Authority(CountyCode, "Northshire County Council").AllowSupplierSelfService(true);
        var neighbour = new Authority(NeighbourCode, "Westvale Borough Council").AllowSupplierSelfService(true);
        entities.Add(county);
        entities.Add(neighbour);

        var countyCentres = AddOrganisation(entities, county, Directorates, CostCentres, currentYear);
        var neighbourCentres = AddOrganisation(entities, neighbour,
            [("RES", "Corporate Resources"), ("PLC", "Place"), ("CEX", "Chief Executive's")], NeighbourCostCentres, currentYear);

        var suppliers = new Dictionary<string, Supplier>
        {
            ["SUP-BRIGHT"] = Supplier.Register(county, new("SUP-BRIGHT", "Brightline Legal LLP",
                "A regional law firm on the council's legal services framework.", "Northshire Legal Services Framework NLS/2024/07",
                new DateOnly(currentYear - 2, 4, 1), new DateOnly(currentYear + 2, 3, 31))).Value,
            ["SUP-COBALT"] = Supplier.Register(county, new("SUP-COBALT", "Cobalt Public Services Ltd",
                "An outsourcing company offering payroll, assurance and print to the public sector.", "CCS RM6187 Lot 3",
                new DateOnly(currentYear - 1, 4, 1), new DateOnly(currentYear + 1, 3, 31))).Value,
        };
        entities.AddRange(suppliers.Values);
        var neighbourSuppliers = new Dictionary<string, Supplier>
        {
            ["SUP-HARBOUR"] = Supplier.Register(neighbour, new("SUP-HARBOUR", "Harbour Facilities Ltd", "A facilities contractor approved by Westvale.",
                "Westvale FM contract WBC-FM-2023", new DateOnly(currentYear - 3, 4, 1), new DateOnly(currentYear + 1, 3, 31))).Value,
        };
        entities.AddRange(neighbourSuppliers.Values);

        AddOfferings(entities, county, CountyOfferings, countyCentres, suppliers, listed: false, currentYear);
        AddShopInProgress(entities, county, countyCentres, currentYear);
        AddOfferings(entities, neighbour, NeighbourOfferings, neighbourCentres, neighbourSuppliers, listed: true, currentYear);
        AddOfferings(entities, neighbour, NeighbourPrivateOfferings, neighbourCentres, neighbourSuppliers, listed: false, currentYear);
        return entities;
    }

    private static Dictionary<string, CostCentre> AddOrganisation(
        List<object> entities, Authority authority, (string Code, string Name)[] directorates,
        (string Dir, string Code, string Name, CostCentreKind Kind, long Budget)[] centres, int currentYear)
    {
        var byCode = directorates.ToDictionary(d => d.Code, d => new Directorate(authority, d.Code, d.Name));
        entities.AddRange(byCode.Values);
        var result = new Dictionary<string, CostCentre>();
        foreach (var c in centres)
        {
            var centre = new CostCentre(byCode[c.Dir], c.Code, c.Name, c.Kind);
            var current = Money.FromPounds(c.Budget);
            centre.SetBudget(authority.FinancialYearStarting(currentYear), current);
            // Last year's budget: 4.2% lower, to the nearest thousand pounds.
            centre.SetBudget(authority.FinancialYearStarting(currentYear - 1),
                Money.FromPounds(decimal.Round(c.Budget / 1.042m / 1000m, 0, MidpointRounding.AwayFromZero) * 1000m));
            result[c.Code] = centre;
            entities.Add(centre);
        }
        return result;
    }

    private static void AddOfferings(
        List<object> entities, Authority authority, Spec[] specs,
        Dictionary<string, CostCentre> centres, Dictionary<string, Supplier> suppliers, bool listed, int currentYear)
    {
        var current = authority.FinancialYearStarting(currentYear);
        foreach (var spec in specs)
        {
            var offering = Offering.Create(new OfferingDraft(
                spec.Code, spec.Name, spec.Description, spec.Category, spec.Unit, spec.Class,
                centres.GetValueOrDefault(spec.Provider), suppliers.GetValueOrDefault(spec.Provider), listed)).Value;
            _ = offering.AddPrice(current.Previous, LastYear(spec.Price)).Value;
            _ = offering.AddPrice(current, spec.Price).Value;
            foreach (var (measure, target, days) in spec.Levels)
            {
                _ = offering.AddServiceLevel(measure, target, days).Value;
            }
            entities.Add(offering);
        }
    }

    /// <summary>
    /// A shop at work, so each state shows: Legal Services has drafted next year's price for legal advice (this
    /// year's stays in force), and has added an offering that is not priced yet (its next-year price is a draft).
    /// </summary>
    private static void AddShopInProgress(List<object> entities, Authority county, Dictionary<string, CostCentre> centres, int currentYear)
    {
        var next = county.FinancialYearStarting(currentYear + 1);
        var advice = entities.OfType<Offering>().Single(o => o.Code == "LEG-ADV");
        var rate = advice.PriceFor(next.Previous)?.Terms is PayAsYouGo p ? p.Rate : 90m;
        _ = advice.DraftPrice(next, 1, new PayAsYouGo(decimal.Round(rate * 1.03m, 2, MidpointRounding.AwayFromZero)), next.Previous.FirstDay).Value;
        var lease = Offering.Create(new OfferingDraft(
            "LEG-LEASE", "Commercial lease review", "Review of a commercial lease or licence before the council signs it, with a short report of the risks.",
            "Legal", "lease", ChargingClass.Tradeable, centres["S-LEG"],
            ServiceTerms: new OfferingTerms(NoticeMonths: 3, RespondWithinWorkingDays: 2, CompleteWithinWorkingDays: 15, HoursOfCover: "Monday to Friday, 9am to 5pm"))).Value;
        _ = lease.DraftPrice(next, 1, new PayAsYouGo(640m), next.Previous.FirstDay).Value;
        entities.Add(lease);
    }

    /// <summary>Last year's price: this year's less a 3.5% uplift, rates to the penny (or tenth of a penny below £1).</summary>
    private static PricingTerms LastYear(PricingTerms terms)
    {
        static decimal Back(decimal rate) =>
            decimal.Round(rate / 1.035m, rate < 1 ? 3 : 2, MidpointRounding.AwayFromZero);
        static Money BackFee(Money fee) => Money.Round(fee.Pounds / 1.035m);
        return terms switch
        {
            PayAsYouGo p => new PayAsYouGo(Back(p.Rate)),
            Subscription s => s with { AnnualFee = BackFee(s.AnnualFee), OverageRate = s.OverageRate is { } r ? Back(r) : null },
            FixedFeePlusDriver f => f with { FixedFee = BackFee(f.FixedFee), RatePerDriverUnit = Back(f.RatePerDriverUnit) },
            Quoted q => q with { IndicativeHourlyRate = q.IndicativeHourlyRate is { } r ? Back(r) : null },
            _ => terms,
        };
    }
}
