using System.Net;
using System.Net.Sockets;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Callbacks;

/// <summary>
/// Where a callback may go. Callbacks carry a request's summary to a URL the caller chose, so they must not reach this
/// service's own network: loopback, private (RFC 1918), shared (CGNAT 100.64.0.0/10), link-local, unique-local and
/// link-local IPv6, unspecified, multicast and reserved addresses, the IPv4-mapped and embedded IPv6 forms of those, and
/// the cloud metadata endpoints (169.254.169.254, Azure's 168.63.129.16, 192.0.0.192, fd00:ec2::254) are refused unless
/// <c>ZohoDsr:Webhook:CallbackAllowedHosts</c> names the host or a network holding the address. HTTPS only; plain HTTP only
/// to loopback, and loopback only when <c>ZohoDsr:Webhook:AllowLoopbackCallbacks</c> is on (the local host). Checked on the
/// URL at intake (a literal address: <see cref="UrlProblem"/>) and on every address the host resolves to when the callback
/// connects (<see cref="CallbackConnector"/>).
/// </summary>
public sealed class CallbackAddressPolicy
{
    private static readonly IPNetwork[] RefusedNetworks =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space (CGNAT; Alibaba Cloud's metadata 100.100.100.200)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("168.63.129.16/32"), // Azure's platform endpoint (WireServer)
        IPNetwork.Parse("169.254.0.0/16"),   // link-local (instance metadata 169.254.169.254)
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments (Oracle Cloud's metadata 192.0.0.192)
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, broadcast
        IPNetwork.Parse("::/96"),            // unspecified, loopback, IPv4-compatible
        IPNetwork.Parse("fc00::/7"),         // unique-local (AWS's metadata fd00:ec2::254)
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // site-local (deprecated)
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly HashSet<string> _allowedHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _allowedNetworks = [];

    public CallbackAddressPolicy(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AllowLoopback = options.AllowLoopbackCallbacks;
        foreach (string entry in options.CallbackAllowedHosts)
        {
            if (TryParseNetwork(entry, out IPNetwork network))
            {
                _allowedNetworks.Add(network);
            }
            else if (IsHostName(entry))
            {
                _allowedHosts.Add(NormalizeHost(entry));
            }
            else
            {
                throw new ArgumentException($"'{entry}' is neither a host name, an IP address nor a CIDR network.", nameof(options));
            }
        }
    }

    /// <summary>Whether loopback destinations (and plain HTTP to them) are allowed: a development setting.</summary>
    public bool AllowLoopback { get; }

    /// <summary>Whether <paramref name="entry"/> can be an entry of <c>CallbackAllowedHosts</c>: a host name, an address or a CIDR network.</summary>
    public static bool IsValidAllowListEntry(string? entry)
        => !string.IsNullOrWhiteSpace(entry) && (TryParseNetwork(entry, out _) || IsHostName(entry));

    /// <summary>
    /// True for an address a callback must not reach unless allowed: loopback, private, shared, link-local, unique-local,
    /// unspecified, multicast, reserved or a cloud metadata endpoint, also in IPv4-mapped, NAT64 or 6to4 form.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsInternal(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } embedded)
        {
            return IsInternal(embedded);
        }

        return RefusedNetworks.Any(n => n.Contains(address));
    }

    /// <summary>Whether a callback to <paramref name="host"/> may connect to <paramref name="address"/> (one it resolved to).</summary>
    public bool IsAllowed(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(address);
        IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (_allowedHosts.Contains(NormalizeHost(host)) || _allowedNetworks.Any(n => n.Contains(plain)))
        {
            return true;
        }

        if (AllowLoopback && IPAddress.IsLoopback(plain))
        {
            return true;
        }

        return !IsInternal(plain);
    }

    /// <summary>
    /// What is wrong with <paramref name="url"/> as a callback URL, or null: absolute, no credentials, HTTPS (HTTP only to
    /// loopback when allowed), and not a literal address this policy refuses. Host names are checked when the callback is
    /// sent, on every address they resolve to.
    /// </summary>
    public string? UrlProblem(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return "callbackUrl must be an absolute https URL.";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "callbackUrl must not carry credentials.";
        }

        IPAddress? literal = IPAddress.TryParse(url.DnsSafeHost, out IPAddress? parsed) ? parsed : null;
        bool loopback = literal is null ? IsLoopbackName(url.IdnHost) : IPAddress.IsLoopback(literal.IsIPv4MappedToIPv6 ? literal.MapToIPv4() : literal);
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && AllowLoopback && loopback))
        {
            return AllowLoopback
                ? "callbackUrl must use https (http only to a loopback address)."
                : "callbackUrl must use https.";
        }

        return literal is not null && !IsAllowed(url.DnsSafeHost, literal)
            ? "callbackUrl must not point to a loopback, private, shared (CGNAT), link-local, unique-local, multicast or cloud metadata address (allow one with ZohoDsr:Webhook:CallbackAllowedHosts)."
            : null;
    }

    /// <summary>
    /// Whether a callback to <paramref name="url"/> may connect to <paramref name="address"/>: <see cref="IsAllowed(string, IPAddress)"/>, and
    /// for plain HTTP (allowed only to loopback) the address must be loopback too, whatever the name.
    /// </summary>
    public bool IsAllowed(Uri url, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(address);
        IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IsAllowed(url.IdnHost, plain) && (url.Scheme == Uri.UriSchemeHttps || (AllowLoopback && IPAddress.IsLoopback(plain)));
    }

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        byte[] bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        if (SixToFour.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }

        return null;
    }

    private static bool TryParseNetwork(string entry, out IPNetwork network)
    {
        string value = entry.Trim();
        if (IPNetwork.TryParse(value, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(value.Trim('[', ']'), out IPAddress? address))
        {
            IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            network = new IPNetwork(plain, plain.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    private static bool IsHostName(string entry) => Uri.CheckHostName(entry.Trim().TrimEnd('.')) == UriHostNameType.Dns;

    private static bool IsLoopbackName(string host)
    {
        string name = NormalizeHost(host);
        return name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal);
    }

    private static string NormalizeHost(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();
}
