namespace ZohoCrm.Simulator.Query;

/// <summary>A COQL token: an identifier or keyword, a quoted string, a number or a symbol.</summary>
internal readonly record struct CoqlToken(CoqlTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == CoqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == CoqlTokenKind.Symbol && Text == symbol;
}
