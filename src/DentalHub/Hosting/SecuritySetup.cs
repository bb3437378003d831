using DentalHub.Api;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Embed;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace DentalHub.Hosting;

public static class SecuritySetup
{
    public static IServiceCollection AddDentalHubSecurity(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("DentalHub")
            .PersistKeysToDbContext<DentalHubDb>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.Scheme, null)
            .AddEmbedSessions();

        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<DentalHubDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/access-denied";
            cookie.Cookie.Name = "DentalHub.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Idle staff are signed out: a front-desk machine left open should not stay signed in all day.
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // Keep the practice a person switched to when the cookie is re-issued.
            options.OnRefreshingPrincipal = context =>
            {
                var selected = context.CurrentPrincipal?.FindFirst(DentalHubClaims.SelectedPractice);
                if (selected is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(selected.Type, selected.Value));
                }
                return Task.CompletedTask;
            };
        });

        services.AddAuthorization(options =>
        {
            Policies.Add(options);
            ApiSetup.AddScopePolicies(options);
        });
        services.AddScoped<IAuthorizationHandler, PracticeRoleHandler>();
        services.AddScoped<PracticeAccess>();
        services.AddSingleton<ApiKeyService>();
        services.AddScoped<OwnerSetup>();
        services.AddScoped<StaffInvitations>();
        services.AddScoped<TwoFactorEnrolment>();
        return services;
    }
}
