using System.Net;
using System.Net.Sockets;

namespace ZohoDsr.Core.Callbacks;

/// <summary>
/// The callback client's connections: the host is resolved here, every address it resolves to is checked against the
/// <see cref="CallbackAddressPolicy"/> (one refused address refuses the host, so a name cannot mix a public address with an
/// internal one), and only then is a socket opened, to one of those same addresses: a second lookup that answers
/// differently (DNS rebinding) is never made. No proxy (it would connect on the callback's behalf, unchecked) and no
/// redirects (a 3xx is a failed delivery, not a new destination).
/// </summary>
public static class CallbackConnector
{
    /// <summary>Time allowed to open a connection.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The primary handler of the callback client.</summary>
    public static SocketsHttpHandler CreateHandler(CallbackAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = ConnectTimeout,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(
                policy, context.InitialRequestMessage.RequestUri ?? throw new InvalidOperationException("A callback needs a URL."), context.DnsEndPoint, cancellationToken),
        };
    }

    /// <summary>
    /// Resolves <paramref name="endPoint"/> (the host of <paramref name="url"/>), refuses it unless every address is allowed
    /// for <paramref name="url"/>, and connects to the first of them that answers.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(CallbackAddressPolicy policy, Uri url, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(endPoint);
        string host = endPoint.Host;
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new CallbackRefusedException("The callback host resolves to no address.");
        }

        if (addresses.FirstOrDefault(a => !policy.IsAllowed(url, a)) is { } refused)
        {
            throw new CallbackRefusedException(
                $"The callback host resolves to a {(refused.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")} address that callbacks may not reach (loopback, private, link-local or metadata).");
        }

        SocketException? last = null;
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
