using ZohoDsr.Core.Callbacks;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Contracts;

/// <summary>Validates a <see cref="DsrRequest"/>, returning every problem at once, each naming its field and the rule it breaks.</summary>
public static class DsrRequestValidator
{
    /// <summary>Longest request id (<see cref="DsrRequestId"/>).</summary>
    public const int MaxRequestIdLength = DsrRequestId.MaxLength;

    /// <summary>Longest email address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = SubjectEmail.MaxLength;

    /// <summary>
    /// Checks: requestId per <see cref="DsrRequestId"/>; type access|delete; subject.email one address per
    /// <see cref="SubjectEmail"/>; orgId present and configured (<paramref name="isKnownOrg"/>); modules known names without
    /// duplicates; dryRun/requireApproval/purgeRecycleBin only with delete; callbackUrl per <see cref="CallbackAddressPolicy"/>
    /// (https, no internal address). <paramref name="webhook"/> gives the settings that widen the rules (allowed callback
    /// hosts, loopback callbacks, extra email characters); null means the defaults.
    /// </summary>
    public static IReadOnlyList<DsrValidationError> Validate(DsrRequest? request, Func<string, bool> isKnownOrg, Func<string, bool> isKnownModule, WebhookOptions? webhook = null)
    {
        ArgumentNullException.ThrowIfNull(isKnownOrg);
        ArgumentNullException.ThrowIfNull(isKnownModule);
        webhook ??= new WebhookOptions();
        var errors = new List<DsrValidationError>();
        if (request is null)
        {
            errors.Add(new("body", "The request body is required: a JSON object."));
            return errors;
        }

        if (DsrRequestId.Problem(request.RequestId) is { } requestIdProblem)
        {
            errors.Add(new("requestId", requestIdProblem));
        }

        if (request.Type is null)
        {
            errors.Add(new("type", "type is required: 'access' or 'delete'."));
        }
        else if (!Enum.IsDefined(request.Type.Value))
        {
            errors.Add(new("type", "type must be 'access' or 'delete'."));
        }

        if (SubjectEmail.Problem(request.Subject?.Email, webhook.SubjectEmailExtraCharacters) is { } emailProblem)
        {
            errors.Add(new("subject.email", emailProblem));
        }

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

        if (request.CallbackUrl is not null && new CallbackAddressPolicy(webhook).UrlProblem(request.CallbackUrl) is { } callbackProblem)
        {
            errors.Add(new("callbackUrl", callbackProblem));
        }

        return errors;
    }

    /// <summary>True when <paramref name="email"/> (trimmed) is one acceptable address under the default rules (<see cref="SubjectEmail"/>).</summary>
    public static bool IsValidEmail(string? email) => SubjectEmail.Problem(email) is null;

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
}
