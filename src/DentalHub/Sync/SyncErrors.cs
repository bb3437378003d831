using System.Security.Cryptography;
using DentalHub.Connectors.Contract;

namespace DentalHub.Sync;

/// <summary>Turns what went wrong into a sentence for the run history, with no patient data in it.</summary>
public static class SyncErrors
{
    public static string Describe(Exception e) => e switch
    {
        ConnectorConfigurationException or ConnectorException or SyncLeaseLostException => e.Message,
        CryptographicException =>
            "DentalHub cannot read this connection's saved passwords and keys (the keys that encrypt them have changed). Enter them again in the connection's settings.",
        HttpRequestException => "DentalHub could not reach the system. Check the connection's address and that the system is running, then try again.",
        TimeoutException or TaskCanceledException => "The system took too long to answer. The next run will try again from where this one stopped.",
        _ => $"The sync stopped on an unexpected error ({e.GetType().Name}). The next run will try again from where this one stopped.",
    };
}
