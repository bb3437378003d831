using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SyncTablesFillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "Patients")
                .Annotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.AlterTable(
                name: "PatientLinks")
                .Annotation("Npgsql:StorageParameter:fillfactor", 90);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "Patients")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.AlterTable(
                name: "PatientLinks")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 90);
        }
    }
}
