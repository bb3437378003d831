namespace DentalHub.Hosting;

/// <summary>
/// Where people reach this DentalHub (configuration <c>PublicUrl</c>), for links in e-mails and webhooks, which
/// have no request to take the address from. Without it those carry the page's path only.
/// </summary>
public sealed record HubAddress(Uri? PublicUrl)
{
    public static HubAddress From(IConfiguration configuration) =>
        new(Uri.TryCreate(configuration["PublicUrl"], UriKind.Absolute, out var url) ? url : null);

    /// <summary>The full address of a hub path ("/payments?payment=…"), or the path itself when the public address is not configured.</summary>
    public string Of(string path) => PublicUrl is null ? path : new Uri(PublicUrl, path).ToString();
}
