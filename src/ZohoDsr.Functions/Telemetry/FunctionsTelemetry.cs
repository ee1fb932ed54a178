using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Functions.Telemetry;

/// <summary>
/// The app's telemetry through OpenTelemetry (with <c>"telemetryMode": "OpenTelemetry"</c> in host.json): the worker's
/// defaults (function invocations as spans, correlated with the host), ZohoDsr's meter and activity source, and the
/// Azure Monitor exporter when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, authenticating with Microsoft Entra
/// ID when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c> (the managed identity its
/// <c>ClientId</c> names, as the Functions host does). The instruments become rows of <c>customMetrics</c> / <c>AppMetrics</c>.
/// </summary>
public static class FunctionsTelemetry
{
    /// <summary>The Application Insights connection string's setting.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The setting that asks for Microsoft Entra authentication: <c>Authorization=AAD;ClientId=...</c>.</summary>
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddZohoDsrTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        IOpenTelemetryBuilder telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(DsrTelemetry.MeterName))
            .WithTracing(tracing => tracing.AddSource(DsrTelemetry.ActivitySourceName));

        string? connectionString = configuration[ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            TokenCredential? credential = EntraCredential(configuration[AuthenticationStringKey]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (credential is not null)
                {
                    options.Credential = credential;
                }
            });
        }

        return services;
    }

    /// <summary>
    /// The credential an authentication string asks for: none unless it says <c>Authorization=AAD</c>; then the managed
    /// identity its <c>ClientId</c> names, or the system-assigned one.
    /// </summary>
    internal static TokenCredential? EntraCredential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        Dictionary<string, string> parts = authenticationString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out string? authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out string? clientId) && !string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
