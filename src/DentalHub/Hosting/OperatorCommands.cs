using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Hosting;

namespace DentalHub.Hosting;

/// <summary>
/// Commands for operators who prefer them to the web form or to migrating at start:
///   migrate                                   bring the database schema up to date
///   create-owner --email E --name N           create the first owner (password read from DENTALHUB_OWNER_PASSWORD or standard input)
///                [--organization O --practice P --time-zone Z]   (when no organization exists yet)
/// </summary>
public static class OperatorCommands
{
    private static readonly string[] Commands = ["migrate", "create-owner"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args[1..]);
        builder.Configuration["Database:MigrateAtStartup"] = "false";
        builder.AddDentalHubData();
        builder.Services.AddDentalHubSecurity();
        builder.Services.AddLogging();
        await using var app = builder.Build();
        var factory = app.Services.GetRequiredService<DentalHubDbFactory>();
        await DatabaseStartup.MigrateAsync(factory, CancellationToken.None);
        if (args[0] == "migrate")
        {
            Console.WriteLine($"The {factory.Settings.Provider} database is up to date.");
            return 0;
        }
        return await CreateOwnerAsync(app.Services, Options(args[1..]));
    }

    private static async Task<int> CreateOwnerAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        var password = Environment.GetEnvironmentVariable("DENTALHUB_OWNER_PASSWORD") ?? Console.ReadLine() ?? "";
        await using var scope = services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<OwnerSetup>();
        var result = await setup.CreateOwnerAsync(new OwnerSetupInput(
            options.GetValueOrDefault("name", ""),
            options.GetValueOrDefault("email", ""),
            password,
            options.GetValueOrDefault("organization"),
            options.GetValueOrDefault("practice"),
            options.GetValueOrDefault("time-zone")), CancellationToken.None);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error);
            }
            return 1;
        }
        Console.WriteLine($"Owner {result.Owner!.Email} created. Sign in on the web page.");
        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = args[++i];
            }
        }
        return options;
    }
}
