namespace ZohoCrm.Simulator.Query;

internal enum CoqlTokenKind
{
    Identifier,
    String,
    Number,
    Symbol,
    End,
}
