using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Tenancy;

namespace DentalHub.Hosting;

/// <summary>
/// Commands for operators who prefer them to the web form or to migrating at start; <see cref="Usage"/> lists them
/// and <c>--help</c> prints it. Each runs and exits without starting the web host.
/// </summary>
public static class OperatorCommands
{
    public const string Usage = """
        DentalHub: run without a command to start the web app. Operator commands:

          migrate                      Bring the database schema up to date, then exit.
          create-owner --email E --name N [--organization O --practice P --time-zone Z]
                                       Create the first owner. The password is read from DENTALHUB_OWNER_PASSWORD,
                                       or from standard input. --organization, --practice and --time-zone are needed
                                       while no organization exists yet.
          time-zones                   List every time zone name --time-zone accepts.
          --help                       Show this.

        Configuration (database, data folder, ...) is given as --Key=value or environment variables; see docs/operations.md.
        """;

    private static readonly string[] Commands = ["migrate", "create-owner", "time-zones", "--help", "-h", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        switch (args[0])
        {
            case "--help" or "-h" or "help":
                await output.WriteLineAsync(Usage);
                return 0;
            case "time-zones":
                foreach (var zone in TimeZones.All())
                {
                    await output.WriteLineAsync(zone);
                }
                return 0;
        }
        var options = Options(args[1..]);
        if (args[0] == "create-owner" && options.TryGetValue("time-zone", out var zoneId) && !TimeZones.IsKnown(zoneId))
        {
            // Said before the database is touched: nothing else can go wrong first.
            await errors.WriteLineAsync(TimeZones.Help(zoneId));
            return 1;
        }
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
            await output.WriteLineAsync($"The {factory.Settings.Provider} database is up to date.");
            return 0;
        }
        return await CreateOwnerAsync(app.Services, options, output, errors);
    }

    private static async Task<int> CreateOwnerAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter errors)
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
                await errors.WriteLineAsync(error == OwnerSetup.TimeZoneProblem ? TimeZones.Help(options.GetValueOrDefault("time-zone")) : error);
            }
            return 1;
        }
        await output.WriteLineAsync($"Owner {result.Owner!.Email} created. Sign in on the web page.");
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
