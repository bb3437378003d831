using System.Net;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.NexHealth;

/// <summary>NexHealth refused or failed a request; the message says what a person can do and never holds the key or patient data.</summary>
public sealed class NexHealthApiException(string message, HttpStatusCode? status = null, Exception? innerException = null)
    : ConnectorException(message, innerException)
{
    public HttpStatusCode? Status { get; } = status;
}
