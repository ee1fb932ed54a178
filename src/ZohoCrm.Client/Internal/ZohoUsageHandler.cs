namespace ZohoCrm.Client;

/// <summary>
/// Usage accounting, the stage right before the wire: counts each request actually sent (its credits from
/// <see cref="ZohoRequestOptions.Credits"/>) and keeps it in flight until its body has arrived. A call that never got a
/// token is not counted; one resent after a refused token is counted twice, as it went out twice.
/// </summary>
internal sealed class ZohoUsageHandler(ZohoUsageTracker usage) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        usage.CallStarted(request.Options.TryGetValue(ZohoRequestOptions.Credits, out int credits) ? credits : 1);
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
        finally
        {
            usage.CallEnded();
        }
    }
}
