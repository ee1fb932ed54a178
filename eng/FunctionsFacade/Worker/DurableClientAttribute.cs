using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

public sealed class DurableClientAttribute : InputBindingAttribute
{
    public string? TaskHub { get; set; }

    public string? ConnectionName { get; set; }
}
