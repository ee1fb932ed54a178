using System.Text;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Query;

/// <summary>
/// Parses Search <c>criteria</c>: <c>(Field:operator:value)</c>, combined as <c>((A)and(B))</c> or with <c>or</c>.
/// In values, <c>\(</c>, <c>\)</c>, <c>\,</c> are literal and <c>\\</c> is a backslash.
/// </summary>
internal sealed class CriteriaParser
{
    public const int MaxConditions = 10;

    private static readonly string[] V2Operators = ["equals", "starts_with"];
    private static readonly string[] V4Operators =
        ["equals", "starts_with", "in", "not_equal", "greater_equal", "greater_than", "less_equal", "less_than", "between"];

    private readonly string _text;
    private readonly ModuleSchema _schema;
    private readonly int _version;
    private int _pos;

    private CriteriaParser(string text, ModuleSchema schema, int version)
    {
        _text = text;
        _schema = schema;
        _version = version;
    }

    public static CriteriaNode Parse(string text, ModuleSchema schema, int version)
    {
        var parser = new CriteriaParser(text, schema, version);
        var node = parser.ParseExpression();
        parser.SkipSpaces();
        if (parser._pos != text.Length)
        {
            throw QueryException.Detail("reason", "unexpected text after the criteria");
        }

        if (node.ConditionCount > MaxConditions)
        {
            throw QueryException.Detail("reason", "more than 10 conditions");
        }

        return node;
    }

    private CriteriaNode ParseExpression()
    {
        var left = ParseGroup();
        while (true)
        {
            SkipSpaces();
            var combinator = TryKeyword("and") ? "and" : TryKeyword("or") ? "or" : null;
            if (combinator is null)
            {
                return left;
            }

            SkipSpaces();
            var right = ParseGroup();
            left = new CriteriaNode { Combinator = combinator, Left = left, Right = right };
        }
    }

    private CriteriaNode ParseGroup()
    {
        SkipSpaces();
        Expect('(');
        SkipSpaces();
        CriteriaNode node;
        if (Peek() == '(')
        {
            node = ParseExpression();
        }
        else
        {
            node = ParseCondition();
        }

        SkipSpaces();
        Expect(')');
        return node;
    }

    private CriteriaNode ParseCondition()
    {
        var fieldName = ReadUntil(':').Trim();
        Expect(':');
        var op = ReadUntil(':').Trim().ToLowerInvariant();
        Expect(':');
        var values = ReadValues();
        if (!_schema.TryGetField(fieldName, out var field) || field.IsSystem)
        {
            throw QueryException.Detail("api_name", fieldName);
        }

        var allowed = _version >= 4 ? V4Operators : V2Operators;
        if (!allowed.Contains(op))
        {
            throw QueryException.Invalid(new("api_name", fieldName), new("operator", op));
        }

        return new CriteriaNode { Field = field, Operator = op, Values = values };
    }

    private List<string> ReadValues()
    {
        var values = new List<string>();
        var current = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] is '(' or ')' or ',' or '\\')
            {
                current.Append(_text[_pos + 1]);
                _pos += 2;
                continue;
            }

            if (c == ')')
            {
                break;
            }

            if (c == '(')
            {
                throw QueryException.Detail("reason", "unescaped bracket in a value");
            }

            if (c == ',')
            {
                values.Add(current.ToString());
                current.Clear();
                _pos++;
                continue;
            }

            current.Append(c);
            _pos++;
        }

        values.Add(current.ToString());
        return values;
    }

    private string ReadUntil(char stop)
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] != stop && _text[_pos] != ')' && _text[_pos] != '(')
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private bool TryKeyword(string keyword)
    {
        if (_pos + keyword.Length <= _text.Length
            && string.Compare(_text, _pos, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0)
        {
            var after = _pos + keyword.Length;
            if (after < _text.Length && (_text[after] == '(' || char.IsWhiteSpace(_text[after])))
            {
                _pos = after;
                return true;
            }
        }

        return false;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw QueryException.Detail("reason", $"expected '{c}' at position {_pos}");
        }

        _pos++;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }
}
