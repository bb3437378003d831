using System.Security.Claims;
using DentalHub.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DentalHub.Auth;

/// <summary>
/// The form posts behind the sign-in pages. They run as plain HTTP requests (not over the Blazor
/// circuit) because signing in sets a cookie. Forms carry an antiforgery token.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", SignInAsync);
        account.MapPost("/login/mfa", SignInWithCodeAsync);
        account.MapPost("/logout", SignOutAsync).RequireAuthorization();
        account.MapPost("/setup", SetUpOwnerAsync);
        account.MapPost("/set-password", SetPasswordAsync);
        account.MapPost("/practice", SwitchPracticeAsync).RequireAuthorization();
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
        SignInManager<StaffUser> signIn, UserManager<StaffUser> users, PracticeAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return TypedResults.LocalRedirect($"/account/login/mfa?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}");
        }
        if (result.IsLockedOut)
        {
            return TypedResults.LocalRedirect("/account/login?error=locked");
        }
        if (!result.Succeeded)
        {
            return TypedResults.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}");
        }
        var user = await users.FindByEmailAsync(email.Trim());
        await RecordSignInAsync(user, access, audit, cancellationToken);
        return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
    }

    private static async Task<RedirectHttpResult> SignInWithCodeAsync(
        [FromForm] string code, [FromForm] string? returnUrl, [FromForm] bool? rememberMachine,
        SignInManager<StaffUser> signIn, PracticeAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return TypedResults.LocalRedirect("/account/login?error=expired");
        }
        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(cleaned, isPersistent: false, rememberClient: rememberMachine == true);
        if (result.IsLockedOut)
        {
            return TypedResults.LocalRedirect("/account/login?error=locked");
        }
        if (!result.Succeeded)
        {
            return TypedResults.LocalRedirect($"/account/login/mfa?error=code&returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}");
        }
        await RecordSignInAsync(user, access, audit, cancellationToken);
        return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login?signedOut=1");
    }

    private static async Task<RedirectHttpResult> SetUpOwnerAsync(
        [FromForm] string displayName, [FromForm] string email, [FromForm] string password,
        [FromForm] string? organizationName, [FromForm] string? practiceName, [FromForm] string? timeZoneId,
        OwnerSetup setup, SignInManager<StaffUser> signIn, CancellationToken cancellationToken)
    {
        var result = await setup.CreateOwnerAsync(
            new OwnerSetupInput(displayName, email, password, organizationName, practiceName, timeZoneId), cancellationToken);
        if (!result.Succeeded)
        {
            var errors = string.Join("\n", result.Errors);
            return TypedResults.LocalRedirect($"/setup?errors={Uri.EscapeDataString(errors)}");
        }
        await signIn.SignInAsync(result.Owner!, isPersistent: false);
        return TypedResults.LocalRedirect("/");
    }

    private static async Task<RedirectHttpResult> SetPasswordAsync(
        [FromForm] string userId, [FromForm] string token, [FromForm] string password, UserManager<StaffUser> users)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return TypedResults.LocalRedirect("/account/set-password?error=link");
        }
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            var errors = string.Join("\n", result.Errors.Select(e => e.Code == "InvalidToken"
                ? "This link has expired or was already used. Ask an administrator for a new one."
                : e.Description));
            return TypedResults.LocalRedirect(
                $"/account/set-password?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}&errors={Uri.EscapeDataString(errors)}");
        }
        return TypedResults.LocalRedirect("/account/login?passwordSet=1");
    }

    private static async Task<Results<RedirectHttpResult, ForbidHttpResult>> SwitchPracticeAsync(
        [FromForm] Guid practiceId, [FromForm] string? returnUrl,
        ClaimsPrincipal principal, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, PracticeAccess access, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Forbid();
        }
        var choices = await access.ChoicesAsync(user.Id, cancellationToken);
        if (choices.All(c => c.PracticeId != practiceId))
        {
            return TypedResults.Forbid();
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(DentalHubClaims.SelectedPractice, practiceId.ToString())]);
        return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
    }

    private static async Task RecordSignInAsync(StaffUser? user, PracticeAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return;
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "sign-in"));
        if (await access.ResolveAsync(principal, cancellationToken) is { } session)
        {
            await audit.RecordAsync(session.Tenant, session.Actor, AuditActions.SignedIn, cancellationToken: cancellationToken);
        }
    }

    private static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
