using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Patients;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Ledger;

/// <summary>The PMS ledger: its lines and the families' balances, and one patient's family's.</summary>
public static class LedgerApi
{
    private static readonly ListParameter[] LedgerPaging =
    [
        new("limit", $"Lines per page, 1 to {ResourceListApi.MaxLimit} ({ResourceListApi.DefaultLimit} if left out).", ListParameterType.Integer),
        new("cursor", "The nextCursor of the previous page, as it was returned.", ListParameterType.Text),
    ];

    public static void MapLedgerApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Ledger");
        group.MapPatientResourceList<LedgerEntry, LedgerLineDto>("/ledger-lines", ApiScopes.LedgerRead, "ListLedgerLines",
            "Ledger lines (charges, payments, insurance payments, write-offs, adjustments) as the PMS has them, in the order they changed in DentalHub; filter by patient and day. Each read is audited.",
            e => e.PatientPmsId, LedgerLineDto.From,
            ListFilters.Patient<LedgerEntry>(e => e.PatientPmsId),
            ListFilters.DateRange<LedgerEntry>(e => e.Date, "lines"));
        group.MapPatientResourceList<FamilyBalance, FamilyBalanceDto>("/family-balances", ApiScopes.LedgerRead, "ListFamilyBalances",
            "Each family's balance and aging as the PMS last computed them, one per account holder, in the order they changed in DentalHub. Each read is audited.",
            b => b.PmsId, FamilyBalanceDto.From);

        var patient = api.MapPatientRoutes(ApiScopes.LedgerRead, "Ledger");
        patient.MapGet("/balance", PatientBalanceAsync).WithName("GetPatientBalance")
            .WithSummary("The balance and aging of the patient's family (its account holder's), as the PMS last computed them; 404 when none is synced yet. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        patient.MapGet("/ledger", PatientLedgerAsync).WithName("ListPatientLedger")
            .WithSummary("The ledger lines of the patient's family (every synced member, and the account holder), newest first, by cursor. Audited.")
            .WithQueryParameters(LedgerPaging)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<FamilyBalanceDto>, ProblemHttpResult>> PatientBalanceAsync(
        Guid id, ClaimsPrincipal user, DentalHubDbFactory databases, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        if (!await PatientRoutes.ExistsAsync(db, id, cancellationToken))
        {
            return PatientRoutes.NotFound(id);
        }
        var balances = await db.FamilyBalances.AsNoTracking()
            .Where(b => b.DeletedAt == null && db.PatientLinks.Any(l => l.PatientId == id && l.ConnectionId == b.ConnectionId && (l.GuarantorPmsId ?? l.PmsId) == b.PmsId))
            .ToListAsync(cancellationToken);
        await PatientRoutes.AuditAsync(audit, caller, "Patient family balance", id, cancellationToken);
        // A profile linked on several PMS connections has a family on each: the balance that changed last.
        var balance = balances.OrderByDescending(b => b.UpdatedAt).FirstOrDefault();
        if (balance is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No family balance",
                detail: "The PMS has not reported a balance for this patient's family yet.");
        }
        var holder = await LinkedPatients.OfAsync(db, [(balance.ConnectionId, balance.PmsId)], cancellationToken);
        return TypedResults.Ok(FamilyBalanceDto.From(balance, holder.TryGetValue((balance.ConnectionId, balance.PmsId), out var holderId) ? holderId : null));
    }

    private static async Task<Results<Ok<ListPage<LedgerLineDto>>, ValidationProblem, ProblemHttpResult>> PatientLedgerAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, DentalHubDbFactory databases, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        var query = new ListQuery(request.Query, db);
        var take = query.Integer("limit", 1, ResourceListApi.MaxLimit) ?? ResourceListApi.DefaultLimit;
        var after = LedgerCursor.Read(query);
        if (query.Errors.Count > 0)
        {
            return query.Problem();
        }
        if (!await PatientRoutes.ExistsAsync(db, id, cancellationToken))
        {
            return PatientRoutes.NotFound(id);
        }
        var families = await db.PatientLinks.AsNoTracking().Where(l => l.PatientId == id)
            .Select(l => new { l.ConnectionId, Guarantor = l.GuarantorPmsId ?? l.PmsId })
            .Distinct().ToListAsync(cancellationToken);
        var lines = db.LedgerEntries.AsNoTracking()
            .Where(e => e.DeletedAt == null)
            .Where(RowExpressions.Any(families.Select(f => InFamily(db, f.ConnectionId, f.Guarantor))));
        if (after is not null)
        {
            lines = lines.Where(e => e.Date < after.Date
                || (e.Date == after.Date && (string.Compare(e.PmsId, after.PmsId) < 0
                    || (e.PmsId == after.PmsId && e.ConnectionId.CompareTo(after.ConnectionId) > 0))));
        }
        var page = await lines.OrderByDescending(e => e.Date).ThenByDescending(e => e.PmsId).ThenBy(e => e.ConnectionId)
            .Take(take + 1).ToListAsync(cancellationToken);
        var next = page.Count > take ? new LedgerCursor(page[take - 1].Date, page[take - 1].PmsId, page[take - 1].ConnectionId).ToString() : null;
        page = page.Take(take).ToList();
        var patients = await LinkedPatients.OfAsync(db, page.Select(e => (e.ConnectionId, e.PatientPmsId)), cancellationToken);
        await PatientRoutes.AuditAsync(audit, caller, $"Patient family ledger: {page.Count} lines", id, cancellationToken);
        return TypedResults.Ok(new ListPage<LedgerLineDto>(
            page.Select(e => LedgerLineDto.From(e, e.PatientPmsId is { } pmsId && patients.TryGetValue((e.ConnectionId, pmsId), out var patientId) ? patientId : null)).ToList(),
            next));
    }

    /// <summary>
    /// The lines of one family: those of every member linked with this guarantor, and the guarantor's own even
    /// before the guarantor is synced. A member not synced yet is not known to be in the family, so not listed.
    /// </summary>
    private static Expression<Func<LedgerEntry, bool>> InFamily(DentalHubDb db, Guid connectionId, string guarantor) =>
        e => e.ConnectionId == connectionId
            && (e.PatientPmsId == guarantor
                || db.PatientLinks.Any(m => m.ConnectionId == connectionId && m.PmsId == e.PatientPmsId && (m.GuarantorPmsId ?? m.PmsId) == guarantor));

    private sealed record LedgerCursor(DateOnly Date, string PmsId, Guid ConnectionId)
    {
        public override string ToString() => KeysetCursor.Write(Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ConnectionId, PmsId);

        public static LedgerCursor? Read(ListQuery query) =>
            KeysetCursor.Read(query, ParseDate) is { } key ? new LedgerCursor(key.Sort, key.PmsId, key.ConnectionId) : null;

        private static DateOnly? ParseDate(string text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }
}
