using System.Net;
using System.Net.Sockets;

namespace CareDesk.Relay.Tests.Infrastructure;

/// <summary>
/// A loopback port nothing listens on, below the kernel's ephemeral range (32768–60999): a port from that range could be
/// taken by an outgoing connection while the host is down, and a client retrying to it could even connect to itself.
/// </summary>
public static class FreePort
{
    public static int Pick()
    {
        for (var tries = 0; tries < 100; tries++)
        {
            var port = Random.Shared.Next(20_000, 32_768);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException("No free loopback port below 32768.");
    }
}
