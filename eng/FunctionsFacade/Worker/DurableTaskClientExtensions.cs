using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Microsoft.Azure.Functions.Worker;

public static class DurableTaskClientExtensions
{
    // A static extension cannot be mocked, so this follows the documented behaviour with a request: the management URIs
    // hang off {scheme://host}/runtime/webhooks/durabletask/instances/{id}; rewind and restart stay null. Without a request
    // the real one reads the host's base URL from the Functions client, which only the runtime has.
    public static HttpManagementPayload CreateHttpManagementPayload(this DurableTaskClient client, string instanceId, HttpRequestData? request = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (request is null)
        {
            throw new NotSupportedException("The facade builds management URIs only from a request.");
        }

        string instance = $"{request.Url.GetLeftPart(UriPartial.Authority)}/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}";
        return new HttpManagementPayload
        {
            Id = instanceId,
            StatusQueryGetUri = instance,
            SendEventPostUri = instance + "/raiseEvent/{eventName}",
            TerminatePostUri = instance + "/terminate?reason={{text}}",
            PurgeHistoryDeleteUri = instance,
            SuspendPostUri = instance + "/suspend?reason={{text}}",
            ResumePostUri = instance + "/resume?reason={{text}}",
        };
    }
}
