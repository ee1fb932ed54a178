namespace ZohoCrm.Client;

/// <summary>Checks of the client's arguments before anything is sent (what Zoho itself checks is left to Zoho).</summary>
internal static class ZohoArguments
{
    public static void ValidateName(string name, string paramName) => ZohoNames.Validate(name, paramName);

    public static void ValidateId(string id, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);
        if (!ZohoNames.IsRecordId(id))
        {
            throw new ArgumentException("A Zoho record id is a string of digits.", paramName);
        }
    }

    public static void ValidateIds(IReadOnlyCollection<string> ids, string paramName, int max)
    {
        ArgumentNullException.ThrowIfNull(ids, paramName);
        if (ids.Count == 0)
        {
            throw new ArgumentException("At least one record id is required.", paramName);
        }

        if (ids.Count > max)
        {
            throw new ArgumentException($"Zoho CRM accepts at most {max} ids per call; {ids.Count} were given. Split them into batches.", paramName);
        }

        foreach (string id in ids)
        {
            ValidateId(id, paramName);
        }
    }

    /// <summary><c>fields=a,b</c>, or empty when no fields are given and none are required.</summary>
    public static string FieldsQuery(IReadOnlyList<string>? fields, string paramName, bool required, int max)
    {
        if (fields is null || fields.Count == 0)
        {
            return required ? throw new ArgumentException("Zoho CRM v3+ requires at least one field for list calls.", paramName) : string.Empty;
        }

        if (fields.Count > max)
        {
            throw new ArgumentException($"Zoho CRM accepts at most {max} fields per call; {fields.Count} were given.", paramName);
        }

        foreach (string field in fields)
        {
            ZohoNames.Validate(field, paramName);
        }

        return "fields=" + string.Join(',', fields);
    }

    public static string Append(string query, string part) => query.Length == 0 ? part : query + "&" + part;
}
