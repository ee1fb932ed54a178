namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// How many records a planted subject has: parents holding the email (Contacts, Leads, Cases; each case also linked to the
/// first contact) and, per child module, records linked to the contacts (round robin) by <c>Who_Id</c> or
/// <c>Contact_Name</c>.
/// </summary>
public sealed record SubjectShape(int Contacts, int Leads, int Cases, int ChildrenPerModule)
{
    /// <summary>The child modules, with the lookup that links a record to its contact (reference section 11).</summary>
    public static IReadOnlyList<(string Module, string Lookup)> ChildModules { get; } =
    [
        ("Calls", "Who_Id"), ("Tasks", "Who_Id"), ("Events", "Who_Id"),
        ("Quotes", "Contact_Name"), ("Invoices", "Contact_Name"), ("Sales_Orders", "Contact_Name"), ("Purchase_Orders", "Contact_Name"),
    ];

    public int Total => Contacts + Leads + Cases + (ChildrenPerModule * ChildModules.Count);

    /// <summary>The shapes the cost scenario plants: 1 record (one contact), 50 (a customer), 2,500 (a long-standing account holder).</summary>
    public static SubjectShape ForTotal(int total) => total switch
    {
        1 => new SubjectShape(1, 0, 0, 0),
        3 => new SubjectShape(1, 1, 1, 0),
        50 => new SubjectShape(1, 1, 6, 6),
        2_500 => new SubjectShape(5, 5, 390, 300),
        _ => throw new ArgumentOutOfRangeException(nameof(total), total, "No subject shape of that size (1, 3, 50 or 2,500 records)."),
    };

    public override string ToString() => Total switch
    {
        1 => "1 (1 contact)",
        _ => $"{Total:N0} ({Contacts} contacts, {Leads} leads, {Cases} cases, {ChildrenPerModule * ChildModules.Count} children)",
    };
}
