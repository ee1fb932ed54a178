using System.Net;
using System.Net.Mail;

namespace ZohoDsr.Core.Contracts;

/// <summary>Validates a <see cref="DsrRequest"/>, returning every problem at once, each naming its field.</summary>
public static class DsrRequestValidator
{
    /// <summary>Longest request id.</summary>
    public const int MaxRequestIdLength = 100;

    /// <summary>Longest email address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>
    /// Checks: requestId present, 1-100 chars of <c>[A-Za-z0-9._:-]</c>; type access|delete; subject.email a single valid
    /// address (≤ 254 chars); orgId present and configured (<paramref name="isKnownOrg"/>); modules known names without
    /// duplicates; dryRun/requireApproval/purgeRecycleBin only with delete; callbackUrl absolute https (http only to loopback).
    /// </summary>
    public static IReadOnlyList<DsrValidationError> Validate(DsrRequest? request, Func<string, bool> isKnownOrg, Func<string, bool> isKnownModule)
    {
        ArgumentNullException.ThrowIfNull(isKnownOrg);
        ArgumentNullException.ThrowIfNull(isKnownModule);
        var errors = new List<DsrValidationError>();
        if (request is null)
        {
            errors.Add(new("body", "The request body is required: a JSON object."));
            return errors;
        }

        ValidateRequestId(request.RequestId, errors);

        if (request.Type is null)
        {
            errors.Add(new("type", "type is required: 'access' or 'delete'."));
        }
        else if (!Enum.IsDefined(request.Type.Value))
        {
            errors.Add(new("type", "type must be 'access' or 'delete'."));
        }

        ValidateEmail(request.Subject?.Email, errors);

        if (string.IsNullOrWhiteSpace(request.OrgId))
        {
            errors.Add(new("orgId", "orgId is required."));
        }
        else if (!isKnownOrg(request.OrgId))
        {
            errors.Add(new("orgId", "orgId is not a configured Zoho CRM org."));
        }

        ValidateModules(request.Modules, isKnownModule, errors);

        if (request.Type == DsrRequestType.Access)
        {
            AddDeleteOnly(request.DryRun, "dryRun", errors);
            AddDeleteOnly(request.RequireApproval, "requireApproval", errors);
            AddDeleteOnly(request.PurgeRecycleBin, "purgeRecycleBin", errors);
        }

        ValidateCallbackUrl(request.CallbackUrl, errors);
        return errors;
    }

    /// <summary>True when <paramref name="email"/> (trimmed) is one plain address: no display name, no list, ≤ 254 characters.</summary>
    public static bool IsValidEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        string trimmed = email.Trim();
        if (trimmed.Length > MaxEmailLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"'))
        {
            return false;
        }

        int at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at > 64 || at == trimmed.Length - 1)
        {
            return false;
        }

        string domain = trimmed[(at + 1)..];
        if (domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal) || !domain.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        return MailAddress.TryCreate(trimmed, out MailAddress? address) && string.Equals(address.Address, trimmed, StringComparison.Ordinal);
    }

    private static void ValidateRequestId(string? requestId, List<DsrValidationError> errors)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            errors.Add(new("requestId", "requestId is required."));
        }
        else if (requestId.Length > MaxRequestIdLength)
        {
            errors.Add(new("requestId", $"requestId must be at most {MaxRequestIdLength} characters."));
        }
        else if (!requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            errors.Add(new("requestId", "requestId may contain only letters, digits, '.', '_', ':' and '-'."));
        }
    }

    private static void ValidateEmail(string? email, List<DsrValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add(new("subject.email", "subject.email is required."));
        }
        else if (email.Trim().Length > MaxEmailLength)
        {
            errors.Add(new("subject.email", $"subject.email must be at most {MaxEmailLength} characters."));
        }
        else if (!IsValidEmail(email))
        {
            errors.Add(new("subject.email", "subject.email must be one valid email address."));
        }
    }

    private static void ValidateModules(IReadOnlyList<string>? modules, Func<string, bool> isKnownModule, List<DsrValidationError> errors)
    {
        if (modules is null)
        {
            return;
        }

        if (modules.Count == 0)
        {
            errors.Add(new("modules", "modules must name at least one module when given (omit it for the org's defaults)."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < modules.Count; i++)
        {
            string? module = modules[i];
            string field = $"modules[{i}]";
            if (string.IsNullOrWhiteSpace(module))
            {
                errors.Add(new(field, "A module name must not be empty."));
            }
            else if (!isKnownModule(module))
            {
                errors.Add(new(field, "Unknown module: use a configured module's API name (e.g. Contacts, Sales_Orders)."));
            }
            else if (!seen.Add(module))
            {
                errors.Add(new(field, "The module is listed more than once."));
            }
        }
    }

    private static void AddDeleteOnly(bool? value, string field, List<DsrValidationError> errors)
    {
        if (value is not null)
        {
            errors.Add(new(field, $"{field} applies only to delete requests."));
        }
    }

    private static void ValidateCallbackUrl(Uri? url, List<DsrValidationError> errors)
    {
        if (url is null)
        {
            return;
        }

        if (!url.IsAbsoluteUri)
        {
            errors.Add(new("callbackUrl", "callbackUrl must be an absolute https URL."));
        }
        else if (!string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add(new("callbackUrl", "callbackUrl must not carry credentials."));
        }
        else if (url.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }
        else if (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))
        {
            return;
        }
        else
        {
            errors.Add(new("callbackUrl", "callbackUrl must use https (http only to a loopback address)."));
        }
    }

    private static bool IsLoopback(Uri url)
        => url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out IPAddress? ip) && IPAddress.IsLoopback(ip));
}
