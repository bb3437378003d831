using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace DentalHub.Secrets;

/// <summary>
/// Encrypts connector credentials and tokens for storage with ASP.NET Core Data Protection, whose
/// key ring lives in the database and is never deleted (a deleted key would make secrets unreadable).
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("DentalHub.Secrets.v1");

    public string? Protect(IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? null : protector.Protect(JsonSerializer.Serialize(secrets));

    public IReadOnlyDictionary<string, string> Unprotect(string? protectedSecrets)
    {
        if (string.IsNullOrEmpty(protectedSecrets))
        {
            return new Dictionary<string, string>();
        }
        var json = protector.Unprotect(protectedSecrets);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }
}
