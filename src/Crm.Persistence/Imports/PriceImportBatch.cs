using Crm.Domain.Identity;
using Crm.Domain.Texts;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crm.Persistence.Imports;

/// <summary>Where a queued price import stands.</summary>
public enum PriceImportStatus
{
    /// <summary>Queued, not yet picked up.</summary>
    Pending,

    /// <summary>A job is applying its rows.</summary>
    Processing,

    /// <summary>Every row applied or refused.</summary>
    Processed,

    /// <summary>The job stopped short (see <see cref="PriceImportBatch.Failure"/>).</summary>
    Failed,
}

/// <summary>A price import file queued as pending and processed by a job (seed 003), with its counts.</summary>
public sealed class PriceImportBatch
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>The batch's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The imported file's name.</summary>
    public string FileName { get; init; } = "";

    /// <summary>Who queued it.</summary>
    public UserId RequestedBy { get; init; }

    /// <summary>When it was queued.</summary>
    public Instant RequestedAt { get; init; }

    /// <summary>Where it stands.</summary>
    public PriceImportStatus Status { get; set; }

    /// <summary>When the job finished with it; null before.</summary>
    public Instant? ProcessedAt { get; set; }

    /// <summary>Its rows.</summary>
    public int Rows { get; set; }

    /// <summary>Rows applied.</summary>
    public int Applied { get; set; }

    /// <summary>Rows refused.</summary>
    public int Refused { get; set; }

    /// <summary>Why the job stopped short: a short reason, never row data; null when it did not.</summary>
    public string? Failure { get; set; }
}

/// <summary>Where one row of a price import stands.</summary>
public enum PriceImportRowStatus
{
    /// <summary>Not processed yet.</summary>
    Pending,

    /// <summary>Its price was written.</summary>
    Applied,

    /// <summary>Refused, with its problems.</summary>
    Refused,
}

/// <summary>One row of a queued price import: the product, the customer (code or CPF/CNPJ, with origin), the price.</summary>
public sealed class PriceImportRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>Its batch.</summary>
    public Guid Batch { get; init; }

    /// <summary>The sheet's row number.</summary>
    public int Row { get; init; }

    /// <summary>The product's code.</summary>
    public string Product { get; init; } = "";

    /// <summary>The customer's code in <see cref="Origin"/>, when given.</summary>
    public string? CustomerCode { get; init; }

    /// <summary>The customer's CPF or CNPJ digits, when given.</summary>
    public string? CustomerTaxId { get; init; }

    /// <summary>The source system.</summary>
    public string Origin { get; init; } = "";

    /// <summary>The price.</summary>
    public decimal Price { get; init; }

    /// <summary>First date it applies on; null for at once.</summary>
    public LocalDate? ValidFrom { get; init; }

    /// <summary>Where it stands.</summary>
    public PriceImportRowStatus Status { get; set; }

    /// <summary>Its problems as a JSON array of {column, code, message}; null when none.</summary>
    public string? Problems { get; set; }
}

internal sealed class PriceImportBatchConfiguration(CrmDbContext context) : IEntityTypeConfiguration<PriceImportBatch>
{
    public void Configure(EntityTypeBuilder<PriceImportBatch> builder)
    {
        builder.IsTenantRows("PriceImportBatches", b => b.Tenant, b => b.Id, context);
        builder.Property(b => b.FileName).HasMaxLength(200);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(b => b.Failure).HasMaxLength(500);
        builder.HasTenantIndex(nameof(PriceImportBatch.Status), nameof(PriceImportBatch.RequestedAt));
    }
}

internal sealed class PriceImportRowConfiguration(CrmDbContext context) : IEntityTypeConfiguration<PriceImportRow>
{
    public void Configure(EntityTypeBuilder<PriceImportRow> builder)
    {
        builder.IsTenantRows("PriceImportRows", r => r.Tenant, r => new { r.Batch, r.Row }, context);
        builder.Property(r => r.Product).HasMaxLength(TextLimits.ProductCode);
        builder.Property(r => r.CustomerCode).HasMaxLength(AccountImportKey.MaxLength);
        builder.Property(r => r.CustomerTaxId).HasMaxLength(14);
        builder.Property(r => r.Origin).HasMaxLength(AccountImportKey.MaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
    }
}
