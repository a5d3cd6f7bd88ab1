using Crm.Domain.Identity;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Texts;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crm.Persistence.Jobs;

/// <summary>
/// A master-data record an ERP listed in the initial load (table <c>ErpMasterData</c>, keyed tenant, ERP, kind and code):
/// what eligibility reads as the master data the ERP knows.
/// </summary>
public sealed class ErpMasterRecord
{
    /// <summary>The longest ERP id stored.</summary>
    public const int MaxErpLength = 40;

    /// <summary>The longest name stored (a longer one is cut).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>The ERP that listed it.</summary>
    public string Erp { get; init; } = "";

    /// <summary>Its kind.</summary>
    public MasterDataKind Kind { get; init; }

    /// <summary>Its code in the ERP.</summary>
    public string Code { get; init; } = "";

    /// <summary>Its name.</summary>
    public string Name { get; set; } = "";

    /// <summary>False when the ERP deactivated it.</summary>
    public bool Active { get; set; }

    /// <summary>For payment conditions: a receivable ("A receber") condition.</summary>
    public bool Receivable { get; set; }

    /// <summary>The load that last listed it (<see cref="ErpMasterDataLoad.Generation"/>): a completed load removes the others.</summary>
    public Guid Generation { get; set; }

    /// <summary>When that load read it.</summary>
    public Instant LoadedAt { get; set; }
}

/// <summary>
/// Where the initial load of one master-data kind of one ERP stands (table <c>ErpMasterDataLoads</c>): the next page to read,
/// so a crashed or interrupted load resumes there, and when it last completed.
/// </summary>
public sealed class ErpMasterDataLoad
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>The ERP.</summary>
    public string Erp { get; init; } = "";

    /// <summary>The kind loaded.</summary>
    public MasterDataKind Kind { get; init; }

    /// <summary>The load under way (or the last one): the records it stored carry it.</summary>
    public Guid Generation { get; set; }

    /// <summary>The next page to read (from 1); meaningless once <see cref="CompletedAt"/> is set.</summary>
    public int NextPage { get; set; }

    /// <summary>When the load of <see cref="Generation"/> started.</summary>
    public Instant StartedAt { get; set; }

    /// <summary>When it read the last page; null while it is under way.</summary>
    public Instant? CompletedAt { get; set; }
}

internal sealed class ErpMasterRecordConfiguration(CrmDbContext context) : IEntityTypeConfiguration<ErpMasterRecord>
{
    public void Configure(EntityTypeBuilder<ErpMasterRecord> builder)
    {
        builder.IsTenantRows("ErpMasterData", r => r.Tenant, r => new { r.Erp, r.Kind, r.Code }, context);
        builder.Property(r => r.Erp).HasMaxLength(ErpMasterRecord.MaxErpLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Code).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(r => r.Name).HasMaxLength(ErpMasterRecord.MaxNameLength);
    }
}

internal sealed class ErpMasterDataLoadConfiguration(CrmDbContext context) : IEntityTypeConfiguration<ErpMasterDataLoad>
{
    public void Configure(EntityTypeBuilder<ErpMasterDataLoad> builder)
    {
        builder.IsTenantRows("ErpMasterDataLoads", l => l.Tenant, l => new { l.Erp, l.Kind }, context);
        // A page is stored only by the load and page it was read for: a second loader (after a lease lapsed) that stored
        // it first makes this one's UPDATE match nothing (a conflict), so no page is stored twice.
        builder.Property(l => l.Generation).IsConcurrencyToken();
        builder.Property(l => l.NextPage).IsConcurrencyToken();
        builder.Property(l => l.Erp).HasMaxLength(ErpMasterRecord.MaxErpLength);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
