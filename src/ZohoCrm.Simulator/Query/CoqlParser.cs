using System.Globalization;
using System.Text;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Query;

/// <summary>
/// Parses <c>select f1, f2 from Module where ... [order by f [asc|desc]] [limit n [offset m] | limit m, n]</c>.
/// Strings are single-quoted with <c>''</c> for a quote; more than two conditions need brackets in pairs.
/// </summary>
internal sealed class CoqlParser
{
    public const int MaxSelectFields = 50;
    public const int MaxConditions = 25;
    public const int MaxInValues = 50;

    internal static readonly FieldDef IdField = new("id", "Record Id", FieldKind.Text, FieldSource.Id, -1, null);

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "and", "or", "order", "by", "limit", "offset", "asc", "desc", "like", "not", "in", "is",
        "null", "between", "group",
    };

    private readonly List<CoqlToken> _tokens;
    private ModuleSchema? _schema;
    private int _index;

    private CoqlParser(List<CoqlToken> tokens)
    {
        _tokens = tokens;
    }

    public static CoqlQuery Parse(string text, int maxLimit, int maxOffsetPlusLimit)
    {
        var parser = new CoqlParser(Tokenize(text));
        return parser.ParseQuery(maxLimit, maxOffsetPlusLimit);
    }

    private CoqlToken Current => _tokens[_index];

    private CoqlQuery ParseQuery(int maxLimit, int maxOffsetPlusLimit)
    {
        ExpectKeyword("select", "select");
        var selectNames = new List<string>();
        while (true)
        {
            var token = Current;
            if (token.Kind != CoqlTokenKind.Identifier || Reserved.Contains(token.Text))
            {
                throw QueryException.Syntax("select", token.Text);
            }

            selectNames.Add(token.Text);
            _index++;
            if (Current.IsSymbol(","))
            {
                _index++;
                continue;
            }

            break;
        }

        ExpectKeyword("from", "select");
        var moduleToken = Current;
        if (moduleToken.Kind != CoqlTokenKind.Identifier)
        {
            throw QueryException.Syntax("from", moduleToken.Text);
        }

        _index++;
        if (!Schemas.ByName.TryGetValue(moduleToken.Text, out var schema) || schema.IsPseudo || schema.IsRelatedOnly)
        {
            throw QueryException.Invalid(new("clause", "from"), new("module", moduleToken.Text));
        }

        _schema = schema;
        if (selectNames.Count > MaxSelectFields)
        {
            throw new QueryException("LIMIT_EXCEEDED", "select fields limit exceeded", [new("clause", "select"), new("limit", "50")]);
        }

        foreach (var name in selectNames)
        {
            if (!name.Equals("id", StringComparison.Ordinal) && (!schema.TryGetField(name, out var f) || f.IsSystem))
            {
                throw new QueryException("INVALID_QUERY", "column given seems to be invalid", [new("column_name", name), new("clause", "select")]);
            }
        }

        if (!Current.IsKeyword("where"))
        {
            throw QueryException.Syntax("where", Current.Kind == CoqlTokenKind.End ? "end of query" : Current.Text);
        }

        _index++;
        var where = ParseCondition();
        if (where.ConditionCount > MaxConditions)
        {
            throw new QueryException("LIMIT_EXCEEDED", "where conditions limit exceeded", [new("clause", "where"), new("limit", "25")]);
        }

        var orderBy = new List<(FieldDef, bool)>();
        if (Current.IsKeyword("order"))
        {
            _index++;
            ExpectKeyword("by", "order by");
            while (true)
            {
                var field = ResolveField(Current, "order by");
                _index++;
                var descending = false;
                if (Current.IsKeyword("asc"))
                {
                    _index++;
                }
                else if (Current.IsKeyword("desc"))
                {
                    descending = true;
                    _index++;
                }

                orderBy.Add((field, descending));
                if (!Current.IsSymbol(","))
                {
                    break;
                }

                _index++;
            }
        }

        var limit = 200;
        var offset = 0;
        if (Current.IsKeyword("limit"))
        {
            _index++;
            var first = ExpectNumber("limit");
            if (Current.IsSymbol(","))
            {
                _index++;
                offset = first;
                limit = ExpectNumber("limit");
            }
            else
            {
                limit = first;
                if (Current.IsKeyword("offset"))
                {
                    _index++;
                    offset = ExpectNumber("offset");
                }
            }
        }

        if (Current.IsSymbol(";"))
        {
            _index++;
        }

        if (Current.Kind != CoqlTokenKind.End)
        {
            throw QueryException.Syntax("query", Current.Text);
        }

        if (limit < 1 || limit > maxLimit)
        {
            throw new QueryException("LIMIT_EXCEEDED", $"limit must be between 1 and {maxLimit}",
                [new("clause", "limit"), new("limit", maxLimit.ToString(CultureInfo.InvariantCulture))]);
        }

        if ((long)offset + limit > maxOffsetPlusLimit)
        {
            throw new QueryException("LIMIT_EXCEEDED", $"offset and limit together must not exceed {maxOffsetPlusLimit}",
                [new("clause", "offset"), new("limit", maxOffsetPlusLimit.ToString(CultureInfo.InvariantCulture))]);
        }

        return new CoqlQuery { Select = selectNames, From = schema, Where = where, OrderBy = orderBy, Limit = limit, Offset = offset };
    }

    private CoqlCondition ParseCondition()
    {
        var left = ParseTerm();
        if (!Current.IsKeyword("and") && !Current.IsKeyword("or"))
        {
            return left;
        }

        var combinator = Current.Text.ToLowerInvariant();
        _index++;
        var right = ParseTerm();
        if (Current.IsKeyword("and") || Current.IsKeyword("or"))
        {
            // Zoho requires brackets in pairs beyond two conditions: ((A and B) and C).
            throw QueryException.Syntax("where", Current.Text);
        }

        return new CoqlCondition { Combinator = combinator, Left = left, Right = right };
    }

    private CoqlCondition ParseTerm()
    {
        if (Current.IsSymbol("("))
        {
            _index++;
            var inner = ParseCondition();
            if (!Current.IsSymbol(")"))
            {
                throw QueryException.Syntax("where", Current.Text);
            }

            _index++;
            return inner;
        }

        var field = ResolveField(Current, "where");
        _index++;
        var token = Current;
        if (token.Kind == CoqlTokenKind.Symbol && token.Text is "=" or "!=" or "<" or ">" or "<=" or ">=")
        {
            _index++;
            return Leaf(field, token.Text, [ExpectValue()]);
        }

        if (token.IsKeyword("like"))
        {
            _index++;
            return Leaf(field, "like", [ExpectString()]);
        }

        if (token.IsKeyword("between"))
        {
            _index++;
            var low = ExpectValue();
            ExpectKeyword("and", "where");
            return Leaf(field, "between", [low, ExpectValue()]);
        }

        if (token.IsKeyword("is"))
        {
            _index++;
            var negated = false;
            if (Current.IsKeyword("not"))
            {
                negated = true;
                _index++;
            }

            ExpectKeyword("null", "where");
            return Leaf(field, negated ? "is not null" : "is null", []);
        }

        var not = false;
        if (token.IsKeyword("not"))
        {
            not = true;
            _index++;
            token = Current;
        }

        if (token.IsKeyword("like"))
        {
            _index++;
            return Leaf(field, "not like", [ExpectString()]);
        }

        if (token.IsKeyword("in"))
        {
            _index++;
            if (!Current.IsSymbol("("))
            {
                throw QueryException.Syntax("where", Current.Text);
            }

            _index++;
            var values = new List<string>();
            while (true)
            {
                values.Add(ExpectValue());
                if (Current.IsSymbol(","))
                {
                    _index++;
                    continue;
                }

                if (Current.IsSymbol(")"))
                {
                    _index++;
                    break;
                }

                throw QueryException.Syntax("where", Current.Text);
            }

            if (values.Count > MaxInValues)
            {
                throw new QueryException("LIMIT_EXCEEDED", "in clause values limit exceeded", [new("clause", "where"), new("limit", "50")]);
            }

            return Leaf(field, not ? "not in" : "in", values);
        }

        throw QueryException.Syntax("where", token.Kind == CoqlTokenKind.End ? "end of query" : token.Text);
    }

    private static CoqlCondition Leaf(FieldDef field, string op, List<string> values) => new() { Field = field, Operator = op, Values = values };

    private FieldDef ResolveField(CoqlToken token, string clause)
    {
        if (token.Kind != CoqlTokenKind.Identifier || Reserved.Contains(token.Text))
        {
            throw QueryException.Syntax(clause, token.Kind == CoqlTokenKind.End ? "end of query" : token.Text);
        }

        var name = token.Text;
        if (name == "id")
        {
            return IdField;
        }

        if (name.EndsWith(".id", StringComparison.Ordinal) && _schema!.TryGetField(name[..^3], out var lookup) && lookup.IsLookup)
        {
            return lookup;
        }

        if (!_schema!.TryGetField(name, out var field) || field.IsSystem)
        {
            throw new QueryException("INVALID_QUERY", "column given seems to be invalid", [new("column_name", name), new("clause", clause)]);
        }

        return field;
    }

    private string ExpectValue()
    {
        var token = Current;
        switch (token.Kind)
        {
            case CoqlTokenKind.String or CoqlTokenKind.Number:
                _index++;
                return token.Text;
            case CoqlTokenKind.Identifier when token.IsKeyword("true") || token.IsKeyword("false"):
                _index++;
                return token.Text.ToLowerInvariant();
            default:
                throw QueryException.Syntax("where", token.Kind == CoqlTokenKind.End ? "end of query" : token.Text);
        }
    }

    private string ExpectString()
    {
        var token = Current;
        if (token.Kind != CoqlTokenKind.String)
        {
            throw QueryException.Syntax("where", token.Text);
        }

        _index++;
        return token.Text;
    }

    private int ExpectNumber(string clause)
    {
        var token = Current;
        if (token.Kind != CoqlTokenKind.Number || !int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw QueryException.Syntax(clause, token.Text);
        }

        _index++;
        return n;
    }

    private void ExpectKeyword(string keyword, string clause)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw QueryException.Syntax(clause, Current.Kind == CoqlTokenKind.End ? "end of query" : Current.Text);
        }

        _index++;
    }

    private static List<CoqlToken> Tokenize(string text)
    {
        var tokens = new List<CoqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '\'')
            {
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw QueryException.Syntax("query", "unterminated string");
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            sb.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(text[i++]);
                }

                tokens.Add(new CoqlToken(CoqlTokenKind.String, sb.ToString(), start));
                continue;
            }

            if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new CoqlToken(CoqlTokenKind.Number, text[start..i], start));
                continue;
            }

            if (char.IsLetter(c) || c == '_' || c == '$')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '$'))
                {
                    i++;
                }

                tokens.Add(new CoqlToken(CoqlTokenKind.Identifier, text[start..i], start));
                continue;
            }

            if (c is '!' or '<' or '>' && i + 1 < text.Length && text[i + 1] == '=')
            {
                tokens.Add(new CoqlToken(CoqlTokenKind.Symbol, text.Substring(i, 2), start));
                i += 2;
                continue;
            }

            if (c is '=' or '<' or '>' or '(' or ')' or ',' or ';' or '*')
            {
                tokens.Add(new CoqlToken(CoqlTokenKind.Symbol, c.ToString(), start));
                i++;
                continue;
            }

            throw QueryException.Syntax("query", c.ToString());
        }

        tokens.Add(new CoqlToken(CoqlTokenKind.End, string.Empty, text.Length));
        return tokens;
    }
}
