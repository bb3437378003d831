namespace DentalHub.Auth;

/// <summary>Claim types DentalHub adds to a principal.</summary>
public static class DentalHubClaims
{
    /// <summary>The practice a signed-in person chose with the practice switcher.</summary>
    public const string SelectedPractice = "dh:practice";

    /// <summary>The organization of an API key's practice.</summary>
    public const string Organization = "dh:org";

    /// <summary>The id of the API key a request authenticated with.</summary>
    public const string ApiKeyId = "dh:api-key";

    public const string Scope = "scope";
}
