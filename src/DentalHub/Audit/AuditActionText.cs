namespace DentalHub.Audit;

/// <summary>The audit log's actions in words people use on the audit page.</summary>
public static class AuditActionText
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [AuditActions.SignedIn] = "Signed in",
        [AuditActions.ConnectionCreated] = "Added a connection",
        [AuditActions.ConnectionChanged] = "Changed a connection",
        [AuditActions.ConnectionChecked] = "Checked a connection",
        ["connection.authorized"] = "Authorized a connection",
        [AuditActions.ApiKeyCreated] = "Created an API key",
        [AuditActions.ApiKeyRevoked] = "Revoked an API key",
        [AuditActions.UserInvited] = "Invited a staff member",
        [AuditActions.UserRoleChanged] = "Changed a staff member's role",
        [AuditActions.UserRemoved] = "Removed a staff member",
        [AuditActions.SyncStarted] = "Started a sync",
        [AuditActions.ImportFailureResolved] = "Resolved an import failure",
        [AuditActions.ImportFailuresExported] = "Exported import failures",
        [AuditActions.PatientRead] = "Viewed patient data",
        [AuditActions.PatientChanged] = "Changed a patient's notes",
        ["writeback.retried"] = "Retried a write",
        ["writeback.posted-by-hand"] = "Marked a write posted by hand",
        ["writeback.posted-by-hand-undone"] = "Took back a write posted by hand",
        ["writeback.settings-changed"] = "Changed writeback settings",
        ["payment.refund-recorded"] = "Recorded a refund",
        ["payout.retried"] = "Retried a payout",
        ["payout.posted-by-hand"] = "Marked a payout posted by hand",
        ["payout.posted-by-hand-undone"] = "Took back a payout posted by hand",
        ["bookkeeping.accounts-mapped"] = "Mapped accounts",
    };

    /// <summary>The label of an action; one not listed here reads as its name in words ("points.awarded": "Points awarded").</summary>
    public static string Of(string action)
    {
        if (Labels.TryGetValue(action, out var label))
        {
            return label;
        }
        var words = action.Replace('.', ' ').Replace('-', ' ');
        return words.Length == 0 ? action : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
