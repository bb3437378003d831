using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace DentalHub.Auth;

public sealed record AuthenticatorSetup(string SharedKey, string Uri, string QrSvg);

/// <summary>Time-based one-time codes (TOTP) from an authenticator app, as a second sign-in factor.</summary>
public sealed class TwoFactorEnrolment(UserManager<StaffUser> users)
{
    public async Task<AuthenticatorSetup> StartAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("DentalHub")}:{UrlEncoder.Default.Encode(user.Email!)}?secret={key}&issuer=DentalHub&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new AuthenticatorSetup(Group(key!), uri, svg);
    }

    /// <summary>Turns two-factor sign-in on once the person proves their app shows the right code.</summary>
    public async Task<bool> ConfirmAsync(StaffUser user, string code)
    {
        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned);
        if (valid)
        {
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return valid;
    }

    public async Task DisableAsync(StaffUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    private static string Group(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
