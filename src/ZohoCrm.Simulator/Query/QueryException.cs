namespace ZohoCrm.Simulator.Query;

/// <summary>A query the simulator rejects with a Zoho error code (400).</summary>
internal sealed class QueryException(string code, string message, IReadOnlyList<KeyValuePair<string, string>> details) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<KeyValuePair<string, string>> Details { get; } = details;

    public static QueryException Invalid(params KeyValuePair<string, string>[] details) => new("INVALID_QUERY", "invalid query formed", details);

    public static QueryException Restricted(string apiName) =>
        new("INVALID_QUERY", "invalid query formed", [new("reason", "Cannot use the restricted field."), new("api_name", apiName)]);

    public static QueryException Syntax(string clause, string near) =>
        new("SYNTAX_ERROR", "error occured while parsing the query", [new("clause", clause), new("near", near)]);

    public static QueryException Detail(string key, string value) => Invalid(new KeyValuePair<string, string>(key, value));
}
