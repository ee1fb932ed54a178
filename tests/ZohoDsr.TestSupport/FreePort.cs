using System.Net;
using System.Net.Sockets;

namespace ZohoDsr.TestSupport;

/// <summary>Finds a free TCP port on 127.0.0.1 (prefer binding to port 0 where the server allows it).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
