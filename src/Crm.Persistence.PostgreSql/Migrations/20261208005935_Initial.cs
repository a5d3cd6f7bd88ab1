using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Crm.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountImportKeys",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ExternalCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountImportKeys", x => new { x.TenantId, x.Origin, x.ExternalCode });
                });

            migrationBuilder.CreateTable(
                name: "Accounts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Integration = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    LastPurchase = table.Column<LocalDate>(type: "date", nullable: true),
                    ErpSituation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConvertedFrom = table.Column<Guid>(type: "uuid", nullable: true),
                    MergedInto = table.Column<Guid>(type: "uuid", nullable: true),
                    BranchId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClientType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: true),
                    LegalName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ShortName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ShortNameKey = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    TaxId = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    MergedFrom = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    ErpStandingBlocked = table.Column<bool>(type: "boolean", nullable: true),
                    ErpStandingCreditLimit = table.Column<decimal>(type: "numeric", nullable: true),
                    ErpStandingCreditLimitExpiresOn = table.Column<LocalDate>(type: "date", nullable: true),
                    ErpStandingLastPurchase = table.Column<LocalDate>(type: "date", nullable: true),
                    ErpStandingOpenBalance = table.Column<decimal>(type: "numeric", nullable: true),
                    ErpStandingReadAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ErpStandingSituation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Data = table.Column<string>(type: "text", nullable: false),
                    History = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "AccountSalesTables",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: false),
                    BillingLocation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Warehouse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PriceTable = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSalesTables", x => new { x.TenantId, x.Account, x.BillingLocation, x.Warehouse });
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: true),
                    Owner = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    SettledAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "BaseCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Board = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Tags = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    Members = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Attachments = table.Column<string>(type: "jsonb", nullable: false),
                    Comments = table.Column<string>(type: "jsonb", nullable: false),
                    History = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseCards", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "BoardFilters",
                columns: table => new
                {
                    User = table.Column<Guid>(type: "uuid", nullable: false),
                    Board = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentFilter = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    SavedFilters = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardFilters", x => new { x.TenantId, x.User, x.Board });
                });

            migrationBuilder.CreateTable(
                name: "Boards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Colour = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    DefaultBaseCard = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Users = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    ScopeKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ScopeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    History = table.Column<string>(type: "jsonb", nullable: false),
                    Stages = table.Column<string>(type: "jsonb", nullable: false),
                    Tags = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Boards", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "CallAttempts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Target = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Campaign = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallAttempts", x => new { x.TenantId, x.Target, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Targets = table.Column<int>(type: "integer", nullable: false),
                    Finished = table.Column<int>(type: "integer", nullable: false),
                    Succeeded = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "CampaignTargets",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Campaign = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: false),
                    Contact = table.Column<Guid>(type: "uuid", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastOutcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LastAttemptAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    IsFinished = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTargets", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Prospect = table.Column<Guid>(type: "uuid", nullable: true),
                    ProspectRegisteredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Seller = table.Column<Guid>(type: "uuid", nullable: true),
                    ArchivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    LostAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    LostReason = table.Column<string>(type: "text", nullable: true),
                    ConvertedToCustomerAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ConvertedToServiceAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    DeletedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    HasTasks = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Board = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Tags = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    Members = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Attachments = table.Column<string>(type: "jsonb", nullable: false),
                    Comments = table.Column<string>(type: "jsonb", nullable: false),
                    History = table.Column<string>(type: "jsonb", nullable: false),
                    Tasks = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cards", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Companies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Details_Cnpj = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    Details_ErpCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Details_Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Details_TradeName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Branches = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Cpf = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Birthday = table.Column<LocalDate>(type: "date", nullable: true),
                    Phones = table.Column<string>(type: "text", nullable: false),
                    Emails = table.Column<string>(type: "text", nullable: false),
                    Marketing = table.Column<string>(type: "text", nullable: false),
                    History = table.Column<string>(type: "text", nullable: false),
                    HasEmail = table.Column<bool>(type: "boolean", nullable: false),
                    HasPhone = table.Column<bool>(type: "boolean", nullable: false),
                    OptInEmail = table.Column<LocalDate>(type: "date", nullable: true),
                    OptInMail = table.Column<LocalDate>(type: "date", nullable: true),
                    OptInMessaging = table.Column<LocalDate>(type: "date", nullable: true),
                    OptInPhone = table.Column<LocalDate>(type: "date", nullable: true),
                    OwnerAccount = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerLead = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Company = table.Column<Guid>(type: "uuid", nullable: true),
                    Branch = table.Column<Guid>(type: "uuid", nullable: true),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "DuplicateKeys",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Record = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateKeys", x => new { x.TenantId, x.Key, x.Kind, x.Record });
                });

            migrationBuilder.CreateTable(
                name: "ErpMasterData",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Erp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Receivable = table.Column<bool>(type: "boolean", nullable: false),
                    Generation = table.Column<Guid>(type: "uuid", nullable: false),
                    LoadedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErpMasterData", x => new { x.TenantId, x.Erp, x.Kind, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "ErpMasterDataLoads",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Erp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Generation = table.Column<Guid>(type: "uuid", nullable: false),
                    NextPage = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErpMasterDataLoads", x => new { x.TenantId, x.Erp, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: false),
                    NextContact = table.Column<LocalDate>(type: "date", nullable: true),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "FtpSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Folder = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Protocol = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TransferMethod = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Password = table.Column<string>(type: "text", nullable: false),
                    User = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Company = table.Column<Guid>(type: "uuid", nullable: false),
                    Branch = table.Column<Guid>(type: "uuid", nullable: true),
                    Host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Port = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FtpSettings", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Job = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    LastStartedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    LastFinishedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    LastOutcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => new { x.TenantId, x.Job });
                });

            migrationBuilder.CreateTable(
                name: "Leads",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConvertedTo = table.Column<Guid>(type: "uuid", nullable: true),
                    BranchId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: true),
                    LegalName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ShortName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ShortNameKey = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    TaxId = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false),
                    History = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leads", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "ListPrices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Table = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    ValidFrom = table.Column<LocalDate>(type: "date", nullable: true),
                    ValidTo = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListPrices", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Lots",
                columns: table => new
                {
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Warehouse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    Expiry = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lots", x => new { x.TenantId, x.Product, x.Warehouse, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "MatrixChanges",
                columns: table => new
                {
                    Matrix = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MatrixVersion = table.Column<long>(type: "bigint", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    Changed = table.Column<string>(type: "jsonb", nullable: false),
                    Removed = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixChanges", x => new { x.TenantId, x.Matrix, x.MatrixVersion });
                });

            migrationBuilder.CreateTable(
                name: "MatrixRules",
                columns: table => new
                {
                    Matrix = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RuleId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "jsonb", nullable: false),
                    Payload = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixRules", x => new { x.TenantId, x.Matrix, x.RuleId });
                });

            migrationBuilder.CreateTable(
                name: "MatrixVersions",
                columns: table => new
                {
                    Matrix = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rules = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixVersions", x => new { x.TenantId, x.Matrix });
                });

            migrationBuilder.CreateTable(
                name: "NotificationMessages",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Movement = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Recipient = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Company = table.Column<Guid>(type: "uuid", nullable: false),
                    Branch = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationMessages", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Occurrences",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: false),
                    Contact = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsComplaint = table.Column<bool>(type: "boolean", nullable: false),
                    Product = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Attendant = table.Column<Guid>(type: "uuid", nullable: true),
                    Priority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpenedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ResponseTarget = table.Column<Duration>(type: "interval", nullable: false),
                    ResponseDue = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ResponseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    AnsweredLate = table.Column<bool>(type: "boolean", nullable: true),
                    Company = table.Column<Guid>(type: "uuid", nullable: true),
                    Branch = table.Column<Guid>(type: "uuid", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: true),
                    Resolution = table.Column<string>(type: "text", nullable: true),
                    History = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Occurrences", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Opportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Pipeline = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpectedClose = table.Column<LocalDate>(type: "date", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CloseReason = table.Column<string>(type: "text", nullable: true),
                    CurrentStage = table.Column<Guid>(type: "uuid", nullable: false),
                    LatestStageEntry = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    StageEnteredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    QuantityAmount = table.Column<decimal>(type: "numeric", nullable: true),
                    QuantityUnit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ValueAmount = table.Column<decimal>(type: "numeric", nullable: true),
                    ValueCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    StageHistory = table.Column<string>(type: "jsonb", nullable: false),
                    Tasks = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunities", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<Guid>(type: "uuid", nullable: true),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Erp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Resource = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Operation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ErpCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AcknowledgedCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Pipelines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Stages = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pipelines", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "PriceImportBatches",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProcessedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Applied = table.Column<int>(type: "integer", nullable: false),
                    Refused = table.Column<int>(type: "integer", nullable: false),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceImportBatches", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "PriceImportRows",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Batch = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CustomerCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CustomerTaxId = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Price = table.Column<decimal>(type: "numeric", nullable: false),
                    ValidFrom = table.Column<LocalDate>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Problems = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceImportRows", x => new { x.TenantId, x.Batch, x.Row });
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Line = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Ncm = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Document = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => new { x.TenantId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "ProgrammedStock",
                columns: table => new
                {
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Warehouse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<LocalDate>(type: "date", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammedStock", x => new { x.TenantId, x.Product, x.Warehouse, x.Date });
                });

            migrationBuilder.CreateTable(
                name: "Promotions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ValidFrom = table.Column<LocalDate>(type: "date", nullable: true),
                    ValidTo = table.Column<LocalDate>(type: "date", nullable: true),
                    Price = table.Column<decimal>(type: "numeric", nullable: true),
                    DiscountRate = table.Column<decimal>(type: "numeric", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Promotions", x => new { x.TenantId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "Quotas",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    ValidFrom = table.Column<LocalDate>(type: "date", nullable: true),
                    ValidTo = table.Column<LocalDate>(type: "date", nullable: true),
                    Seller = table.Column<Guid>(type: "uuid", nullable: true),
                    Customer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Consumed = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotas", x => new { x.TenantId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "Roles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reach = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsStandard = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Grants = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Roles", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "SalesOrderItems",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<Guid>(type: "uuid", nullable: false),
                    Item = table.Column<Guid>(type: "uuid", nullable: false),
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    Total = table.Column<decimal>(type: "numeric", nullable: true),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssueDate = table.Column<LocalDate>(type: "date", nullable: false),
                    Seller = table.Column<Guid>(type: "uuid", nullable: false),
                    Company = table.Column<Guid>(type: "uuid", nullable: true),
                    Branch = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesOrderItems", x => new { x.TenantId, x.Order, x.Item });
                });

            migrationBuilder.CreateTable(
                name: "SalesOrders",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Customer = table.Column<Guid>(type: "uuid", nullable: false),
                    Seller = table.Column<Guid>(type: "uuid", nullable: false),
                    Company = table.Column<Guid>(type: "uuid", nullable: true),
                    Branch = table.Column<Guid>(type: "uuid", nullable: true),
                    IssueDate = table.Column<LocalDate>(type: "date", nullable: false),
                    Total = table.Column<decimal>(type: "numeric", nullable: true),
                    Freight = table.Column<decimal>(type: "numeric", nullable: true),
                    Discount = table.Column<decimal>(type: "numeric", nullable: false),
                    CopiedFrom = table.Column<Guid>(type: "uuid", nullable: true),
                    Header = table.Column<string>(type: "jsonb", nullable: false),
                    Items = table.Column<string>(type: "jsonb", nullable: false),
                    Approvals = table.Column<string>(type: "jsonb", nullable: false),
                    History = table.Column<string>(type: "jsonb", nullable: false),
                    Totals = table.Column<string>(type: "jsonb", nullable: true),
                    BlockReasons = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesOrders", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "SmtpSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SendDelay = table.Column<Duration>(type: "interval", nullable: false),
                    Sender = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SecureConnection = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IsPrimaryServer = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Password = table.Column<string>(type: "text", nullable: true),
                    User = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Company = table.Column<Guid>(type: "uuid", nullable: false),
                    Branch = table.Column<Guid>(type: "uuid", nullable: true),
                    Host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Port = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmtpSettings", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Stock",
                columns: table => new
                {
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Warehouse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    ImportedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stock", x => new { x.TenantId, x.Product, x.Warehouse, x.Unit });
                });

            migrationBuilder.CreateTable(
                name: "Tenants",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Package = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DefaultIntegration = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenants", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "TenantSettings",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantSettings", x => new { x.TenantId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Login = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsSupport = table.Column<bool>(type: "boolean", nullable: false),
                    Department = table.Column<Guid>(type: "uuid", nullable: true),
                    Function = table.Column<Guid>(type: "uuid", nullable: true),
                    Manager = table.Column<Guid>(type: "uuid", nullable: true),
                    SeesAllPortalCharts = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Companies = table.Column<string>(type: "text", nullable: false),
                    Roles = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Warehouses",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warehouses", x => new { x.TenantId, x.Code });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountImportKeys_TenantId_Account",
                table: "AccountImportKeys",
                columns: new[] { "TenantId", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_CompanyId_BranchId_OwnerId",
                table: "Accounts",
                columns: new[] { "TenantId", "CompanyId", "BranchId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_Id_ClientType",
                table: "Accounts",
                columns: new[] { "TenantId", "Id", "ClientType" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_LegalName_OwnerId_CompanyId_BranchId_Id",
                table: "Accounts",
                columns: new[] { "TenantId", "LegalName", "OwnerId", "CompanyId", "BranchId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_OwnerId_CompanyId_BranchId_ErpSituation_R~",
                table: "Accounts",
                columns: new[] { "TenantId", "OwnerId", "CompanyId", "BranchId", "ErpSituation", "RegisteredAt", "Id" },
                filter: "\"MergedInto\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_OwnerId_LegalName_CompanyId_BranchId_Id",
                table: "Accounts",
                columns: new[] { "TenantId", "OwnerId", "LegalName", "CompanyId", "BranchId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_RegisteredAt",
                table: "Accounts",
                columns: new[] { "TenantId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_ShortNameKey",
                table: "Accounts",
                columns: new[] { "TenantId", "ShortNameKey" },
                unique: true,
                filter: "\"ShortNameKey\" IS NOT NULL AND \"MergedInto\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_TaxId",
                table: "Accounts",
                columns: new[] { "TenantId", "TaxId" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountSalesTables_TenantId_PriceTable",
                table: "AccountSalesTables",
                columns: new[] { "TenantId", "PriceTable" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_TenantId_Account_Start",
                table: "Appointments",
                columns: new[] { "TenantId", "Account", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_TenantId_Owner_Start",
                table: "Appointments",
                columns: new[] { "TenantId", "Owner", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_TenantId_SubjectKind_SubjectId_Start",
                table: "Appointments",
                columns: new[] { "TenantId", "SubjectKind", "SubjectId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_BaseCards_TenantId_Board",
                table: "BaseCards",
                columns: new[] { "TenantId", "Board" });

            migrationBuilder.CreateIndex(
                name: "IX_CallAttempts_TenantId_By_At",
                table: "CallAttempts",
                columns: new[] { "TenantId", "By", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CallAttempts_TenantId_Campaign",
                table: "CallAttempts",
                columns: new[] { "TenantId", "Campaign" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_TenantId_CreatedAt",
                table: "Campaigns",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_TenantId_Account",
                table: "CampaignTargets",
                columns: new[] { "TenantId", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_TenantId_Campaign_Position",
                table: "CampaignTargets",
                columns: new[] { "TenantId", "Campaign", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Cards_TenantId_Board_Stage",
                table: "Cards",
                columns: new[] { "TenantId", "Board", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Cards_TenantId_Prospect",
                table: "Cards",
                columns: new[] { "TenantId", "Prospect" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_Owner",
                table: "Contacts",
                columns: new[] { "TenantId", "Owner" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_OwnerAccount_HasEmail_HasPhone_OptInEmail~",
                table: "Contacts",
                columns: new[] { "TenantId", "OwnerAccount", "HasEmail", "HasPhone", "OptInEmail", "OptInMail", "OptInPhone", "OptInMessaging" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_OwnerLead_HasEmail_HasPhone_OptInEmail_Op~",
                table: "Contacts",
                columns: new[] { "TenantId", "OwnerLead", "HasEmail", "HasPhone", "OptInEmail", "OptInMail", "OptInPhone", "OptInMessaging" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_TenantId_Account_AddedAt",
                table: "Documents",
                columns: new[] { "TenantId", "Account", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_TenantId_SubjectKind_SubjectId_AddedAt",
                table: "Documents",
                columns: new[] { "TenantId", "SubjectKind", "SubjectId", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_TenantId_Account_At",
                table: "FollowUps",
                columns: new[] { "TenantId", "Account", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_TenantId_By_At",
                table: "FollowUps",
                columns: new[] { "TenantId", "By", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_TenantId_SubjectKind_SubjectId_At",
                table: "FollowUps",
                columns: new[] { "TenantId", "SubjectKind", "SubjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FtpSettings_TenantId_Company",
                table: "FtpSettings",
                columns: new[] { "TenantId", "Company" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_CompanyId_BranchId_OwnerId",
                table: "Leads",
                columns: new[] { "TenantId", "CompanyId", "BranchId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_LegalName_OwnerId_CompanyId_BranchId_Id",
                table: "Leads",
                columns: new[] { "TenantId", "LegalName", "OwnerId", "CompanyId", "BranchId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_OwnerId_CompanyId_BranchId_RegisteredAt",
                table: "Leads",
                columns: new[] { "TenantId", "OwnerId", "CompanyId", "BranchId", "RegisteredAt" },
                filter: "\"ConvertedTo\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_OwnerId_LegalName_CompanyId_BranchId_Id",
                table: "Leads",
                columns: new[] { "TenantId", "OwnerId", "LegalName", "CompanyId", "BranchId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_RegisteredAt",
                table: "Leads",
                columns: new[] { "TenantId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_ShortNameKey",
                table: "Leads",
                columns: new[] { "TenantId", "ShortNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_TaxId",
                table: "Leads",
                columns: new[] { "TenantId", "TaxId" });

            migrationBuilder.CreateIndex(
                name: "IX_ListPrices_TenantId_Table_Product",
                table: "ListPrices",
                columns: new[] { "TenantId", "Table", "Product" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationMessages_Status_NextAttemptAt",
                table: "NotificationMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationMessages_TenantId_MessageId",
                table: "NotificationMessages",
                columns: new[] { "TenantId", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_Account_Channel",
                table: "Occurrences",
                columns: new[] { "TenantId", "Account", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_Account_OpenedAt",
                table: "Occurrences",
                columns: new[] { "TenantId", "Account", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_AnsweredAt_ResponseSeconds_Account",
                table: "Occurrences",
                columns: new[] { "TenantId", "AnsweredAt", "ResponseSeconds", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_Attendant_Status",
                table: "Occurrences",
                columns: new[] { "TenantId", "Attendant", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_Channel_OpenedAt",
                table: "Occurrences",
                columns: new[] { "TenantId", "Channel", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_Company_Branch_OpenedAt",
                table: "Occurrences",
                columns: new[] { "TenantId", "Company", "Branch", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_OpenedAt_Channel_IsComplaint_Company_B~",
                table: "Occurrences",
                columns: new[] { "TenantId", "OpenedAt", "Channel", "IsComplaint", "Company", "Branch", "Product", "Attendant", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_Product_OpenedAt",
                table: "Occurrences",
                columns: new[] { "TenantId", "Product", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_Reason_OpenedAt",
                table: "Occurrences",
                columns: new[] { "TenantId", "Reason", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_ResponseDue_AnsweredAt_Account",
                table: "Occurrences",
                columns: new[] { "TenantId", "ResponseDue", "AnsweredAt", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TenantId_Status_ResponseDue",
                table: "Occurrences",
                columns: new[] { "TenantId", "Status", "ResponseDue" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_Account",
                table: "Opportunities",
                columns: new[] { "TenantId", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_CurrentStage_Owner",
                table: "Opportunities",
                columns: new[] { "TenantId", "CurrentStage", "Owner" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_LatestStageEntry",
                table: "Opportunities",
                columns: new[] { "TenantId", "LatestStageEntry" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_Owner",
                table: "Opportunities",
                columns: new[] { "TenantId", "Owner" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_Status_StageEnteredAt",
                table: "Opportunities",
                columns: new[] { "TenantId", "Status", "StageEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_TenantId_Account_Sequence",
                table: "OutboxMessages",
                columns: new[] { "TenantId", "Account", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriceImportBatches_TenantId_Status_RequestedAt",
                table: "PriceImportBatches",
                columns: new[] { "TenantId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_TenantId_Description",
                table: "Products",
                columns: new[] { "TenantId", "Description" });

            migrationBuilder.CreateIndex(
                name: "IX_Promotions_TenantId_Product",
                table: "Promotions",
                columns: new[] { "TenantId", "Product" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotas_TenantId_Product",
                table: "Quotas",
                columns: new[] { "TenantId", "Product" });

            migrationBuilder.CreateIndex(
                name: "IX_Roles_TenantId_Name",
                table: "Roles",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderItems_TenantId_IssueDate_Status_IsOpen_Product_Se~",
                table: "SalesOrderItems",
                columns: new[] { "TenantId", "IssueDate", "Status", "IsOpen", "Product", "Seller", "Company", "Branch", "Quantity", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderItems_TenantId_Product",
                table: "SalesOrderItems",
                columns: new[] { "TenantId", "Product" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderItems_TenantId_Seller_IssueDate",
                table: "SalesOrderItems",
                columns: new[] { "TenantId", "Seller", "IssueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_TenantId_Company_Branch_Seller",
                table: "SalesOrders",
                columns: new[] { "TenantId", "Company", "Branch", "Seller" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_TenantId_Customer_Status_IssueDate",
                table: "SalesOrders",
                columns: new[] { "TenantId", "Customer", "Status", "IssueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_TenantId_IssueDate_Status_Customer_Seller_Compa~",
                table: "SalesOrders",
                columns: new[] { "TenantId", "IssueDate", "Status", "Customer", "Seller", "Company", "Branch", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_TenantId_Seller",
                table: "SalesOrders",
                columns: new[] { "TenantId", "Seller" });

            migrationBuilder.CreateIndex(
                name: "IX_SmtpSettings_TenantId_Company",
                table: "SmtpSettings",
                columns: new[] { "TenantId", "Company" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_Login",
                table: "Users",
                columns: new[] { "TenantId", "Login" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_Manager",
                table: "Users",
                columns: new[] { "TenantId", "Manager" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountImportKeys");

            migrationBuilder.DropTable(
                name: "Accounts");

            migrationBuilder.DropTable(
                name: "AccountSalesTables");

            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "BaseCards");

            migrationBuilder.DropTable(
                name: "BoardFilters");

            migrationBuilder.DropTable(
                name: "Boards");

            migrationBuilder.DropTable(
                name: "CallAttempts");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "CampaignTargets");

            migrationBuilder.DropTable(
                name: "Cards");

            migrationBuilder.DropTable(
                name: "Companies");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "DuplicateKeys");

            migrationBuilder.DropTable(
                name: "ErpMasterData");

            migrationBuilder.DropTable(
                name: "ErpMasterDataLoads");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "FtpSettings");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "Leads");

            migrationBuilder.DropTable(
                name: "ListPrices");

            migrationBuilder.DropTable(
                name: "Lots");

            migrationBuilder.DropTable(
                name: "MatrixChanges");

            migrationBuilder.DropTable(
                name: "MatrixRules");

            migrationBuilder.DropTable(
                name: "MatrixVersions");

            migrationBuilder.DropTable(
                name: "NotificationMessages");

            migrationBuilder.DropTable(
                name: "Occurrences");

            migrationBuilder.DropTable(
                name: "Opportunities");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Pipelines");

            migrationBuilder.DropTable(
                name: "PriceImportBatches");

            migrationBuilder.DropTable(
                name: "PriceImportRows");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "ProgrammedStock");

            migrationBuilder.DropTable(
                name: "Promotions");

            migrationBuilder.DropTable(
                name: "Quotas");

            migrationBuilder.DropTable(
                name: "Roles");

            migrationBuilder.DropTable(
                name: "SalesOrderItems");

            migrationBuilder.DropTable(
                name: "SalesOrders");

            migrationBuilder.DropTable(
                name: "SmtpSettings");

            migrationBuilder.DropTable(
                name: "Stock");

            migrationBuilder.DropTable(
                name: "Tenants");

            migrationBuilder.DropTable(
                name: "TenantSettings");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Warehouses");
        }
    }
}
