using System.Net;

namespace DentalHub.Bench.Writeback.Kinds;

internal static class ApiAnswers
{
    /// <summary>Stops the bench when the hub did not take a write: a refused write would never reach the double.</summary>
    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
