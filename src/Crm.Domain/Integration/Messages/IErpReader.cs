using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration.Eligibility;
using NodaTime;
using OneOf;

namespace Crm.Domain.Integration.Messages;

/// <summary>
/// Reads from one ERP what the CRM keeps of it (the inbound direction): an integrated account's standing, for the engine's
/// pull job, and the master-data lists eligibility reads, page by page, for the initial load. It lives in the domain, beside
/// <see cref="IErpTransport"/>, because an adapter loaded as a plugin carries its own copy of its transport library: the
/// engine can only call what both sides share. Each built-in HTTP transport is one.
/// </summary>
public interface IErpReader
{
    /// <summary>The ERP it reads.</summary>
    ErpId Erp { get; }

    /// <summary>
    /// What the ERP says of the customer <paramref name="erpCode"/> as of <paramref name="today"/>, stamped
    /// <paramref name="readAt"/>: every value this ERP does not expose is null, never zero or false.
    /// <see cref="Rejected"/> when the ERP does not know the customer, refuses the read or answers for another customer;
    /// <see cref="Unavailable"/> when it cannot be reached or refuses the reader's credentials (read again later).
    /// </summary>
    ValueTask<ErpRead<ErpStanding>> ReadStandingAsync(string erpCode, LocalDate today, Instant readAt,
        CancellationToken cancellationToken = default);

    /// <summary>The master-data lists this ERP serves (<see cref="ReadMasterDataAsync"/>); none by default.</summary>
    IReadOnlyList<MasterDataKind> MasterDataKinds => [];

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the ERP's <paramref name="kind"/> list, and whether another page follows. A
    /// kind not in <see cref="MasterDataKinds"/> is <see cref="Rejected"/>.
    /// </summary>
    ValueTask<ErpRead<MasterDataPage>> ReadMasterDataAsync(MasterDataKind kind, int page, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ErpRead<MasterDataPage>>(new Rejected([new Problems.Problem("kind", ErpReadCodes.ListNotServed,
            $"O ERP {Erp} não expõe a lista {kind}.")]));

    /// <summary>True when <see cref="ReadCustomersAsync"/> pages through the ERP's customers; false by default.</summary>
    bool ServesCustomers => false;

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the ERP's customers, each as the ERP's documented customer payload (what the
    /// adapter's <see cref="IErpAdapter.ToForm"/> and <see cref="IErpAdapter.ReadState"/> read), for the initial load.
    /// <see cref="Rejected"/> when <see cref="ServesCustomers"/> is false.
    /// </summary>
    ValueTask<ErpRead<ErpPayloadPage>> ReadCustomersAsync(int page, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ErpRead<ErpPayloadPage>>(new Rejected([new Problems.Problem("customers", ErpReadCodes.ListNotServed,
            $"O ERP {Erp} não expõe a lista de clientes.")]));
}

/// <summary>One page of an ERP list, each item the ERP's documented payload of one record.</summary>
/// <param name="Payloads">The payloads of the page.</param>
/// <param name="HasNext">True while the ERP says another page follows.</param>
public sealed record ErpPayloadPage(IReadOnlyList<string> Payloads, bool HasNext);

/// <summary>One page of an ERP's master-data list.</summary>
/// <param name="Records">The records of the page, each of the kind asked for.</param>
/// <param name="HasNext">True while the ERP says another page follows.</param>
public sealed record MasterDataPage(IReadOnlyList<MasterDataRecord> Records, bool HasNext);

/// <summary>The stable codes of <see cref="IErpReader"/>'s refusals.</summary>
public static class ErpReadCodes
{
    /// <summary>The ERP does not serve the master-data list asked for.</summary>
    public const string ListNotServed = "erp.read.list_not_served";
}

/// <summary>The outcome of a read: the value, <see cref="Rejected"/> or <see cref="Unavailable"/>.</summary>
/// <typeparam name="T">What was read.</typeparam>
public sealed class ErpRead<T> : OneOfBase<T, Rejected, Unavailable>
{
    private ErpRead(OneOf<T, Rejected, Unavailable> value) : base(value) { }

    /// <summary>Read.</summary>
    public static implicit operator ErpRead<T>(T value) => new(value);

    /// <summary>Rejected.</summary>
    public static implicit operator ErpRead<T>(Rejected value) => new(value);

    /// <summary>Unavailable.</summary>
    public static implicit operator ErpRead<T>(Unavailable value) => new(value);
}
