using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DentalHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Rewards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Patient search (PatientSearch): expression indexes for case-insensitive name ranges and
            // e-mail equality. Same SQL on SQLite and PostgreSQL; EF cannot declare expression indexes.
            migrationBuilder.Sql("CREATE INDEX \"IX_Patients_Search_LastName\" ON \"Patients\" (\"PracticeId\", lower(\"LastName\"));");
            migrationBuilder.Sql("CREATE INDEX \"IX_Patients_Search_FirstName\" ON \"Patients\" (\"PracticeId\", lower(\"FirstName\"));");
            migrationBuilder.Sql("CREATE INDEX \"IX_Patients_Search_Email\" ON \"Patients\" (\"PracticeId\", lower(\"Email\"));");

            migrationBuilder.CreateTable(
                name: "PointsBalances",
                columns: table => new
                {
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Balance = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsBalances", x => x.PatientId);
                    table.CheckConstraint("CK_PointsBalances_NotNegative", "\"Balance\" >= 0");
                    table.ForeignKey(
                        name: "FK_PointsBalances_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RewardItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    GrantKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsRuleSettings",
                columns: table => new
                {
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    WelcomePoints = table.Column<long>(type: "bigint", nullable: false),
                    BirthdayPoints = table.Column<long>(type: "bigint", nullable: false),
                    WelcomeSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsRuleSettings", x => x.PracticeId);
                    table.ForeignKey(
                        name: "FK_PointsRuleSettings_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RewardCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActiveForPatientId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConnectedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardCards_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RewardCards_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RewardCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardCategories_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RewardItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardItems_RewardCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "RewardCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_PatientId_At",
                table: "PointsEntries",
                columns: new[] { "PatientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_PatientId_GrantKey",
                table: "PointsEntries",
                columns: new[] { "PatientId", "GrantKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardCards_ActiveForPatientId",
                table: "RewardCards",
                column: "ActiveForPatientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardCards_OrganizationId_Number",
                table: "RewardCards",
                columns: new[] { "OrganizationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardCards_PatientId",
                table: "RewardCards",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardCards_PracticeId_PatientId",
                table: "RewardCards",
                columns: new[] { "PracticeId", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardCategories_PracticeId",
                table: "RewardCategories",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardItems_CategoryId",
                table: "RewardItems",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardItems_PracticeId_CategoryId",
                table: "RewardItems",
                columns: new[] { "PracticeId", "CategoryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Patients_Search_LastName\";");
            migrationBuilder.Sql("DROP INDEX \"IX_Patients_Search_FirstName\";");
            migrationBuilder.Sql("DROP INDEX \"IX_Patients_Search_Email\";");

            migrationBuilder.DropTable(
                name: "PointsBalances");

            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "PointsRuleSettings");

            migrationBuilder.DropTable(
                name: "RewardCards");

            migrationBuilder.DropTable(
                name: "RewardItems");

            migrationBuilder.DropTable(
                name: "RewardCategories");
        }
    }
}
