using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneOpenAlertPerConnection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Two dispatchers could each raise the alert before this index existed: keep the oldest open.
            migrationBuilder.Sql("""
                UPDATE "Alerts" SET "AcknowledgedAt" = "CreatedAt", "AcknowledgedBy" = 'duplicate of an open alert'
                WHERE "Kind" = 'connection.needs-attention' AND "AcknowledgedAt" IS NULL AND EXISTS (
                    SELECT 1 FROM "Alerts" AS older
                    WHERE older."Kind" = 'connection.needs-attention' AND older."AcknowledgedAt" IS NULL
                      AND older."PracticeId" = "Alerts"."PracticeId" AND older."SubjectId" = "Alerts"."SubjectId"
                      AND (older."CreatedAt" < "Alerts"."CreatedAt" OR (older."CreatedAt" = "Alerts"."CreatedAt" AND older."Id" < "Alerts"."Id")))
                """);
            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OneOpenPerConnection",
                table: "Alerts",
                columns: new[] { "PracticeId", "SubjectId" },
                unique: true,
                filter: "\"AcknowledgedAt\" IS NULL AND \"Kind\" = 'connection.needs-attention'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_OneOpenPerConnection",
                table: "Alerts");
        }
    }
}
