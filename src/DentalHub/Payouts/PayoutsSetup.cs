using DentalHub.Bookkeeping;
using DentalHub.Connections;

namespace DentalHub.Payouts;

public static class PayoutsSetup
{
    /// <summary>Payouts to the books: the deposit writeback target, the QuickBooks connection pieces and the services behind the pages.</summary>
    public static IServiceCollection AddDentalHubPayouts(this IServiceCollection services)
    {
        services.AddSingleton<DentalHub.Writeback.IWritebackTarget, DentalHub.Writeback.DepositWritebackTarget>();
        services.AddSingleton<PayoutPosting>();
        services.AddSingleton<PayoutPlanning>();
        services.AddSingleton<PayoutIntake>();
        services.AddSingleton<PayoutReversal>();
        services.AddSingleton<PayoutBooksCheck>();
        services.AddSingleton<PayoutEvents>();
        services.AddSingleton<PayoutActions>();
        services.AddSingleton<PayoutQuery>();
        services.AddSingleton<AccountMappingService>();
        services.AddSingleton<OAuthTokenStores>();
        services.AddSingleton<QuickBooksConnections>();
        return services;
    }
}
