using System.Runtime.CompilerServices;
using Crm.Domain.Matrices.Tax;

namespace Crm.Domain.Taxes;

/// <summary>
/// The explainable result of an item's taxes: the values the bases were built from, each tax's base,
/// rate, reduction, value and rule id, and the item total (vItem / the item's share of vNF).
/// </summary>
/// <remarks>
/// Stored compactly (<see cref="TaxValues"/>): the taxes computed together share their base and rule id (ICMS and FCP,
/// ICMS-ST and FCP-ST, DIFAL and destination FCP, PIS and COFINS, CBS and IBS), so each is kept once, and a
/// <see cref="TaxLine"/> is put together when it is read.
/// </remarks>
public sealed class TaxBreakdown
{
    private readonly TaxValues _values;

    /// <summary>The breakdown of an item whose parameters passed validation, computed in place.</summary>
    internal TaxBreakdown(in TaxItem item, in TaxParameters parameters) => ItemTaxCalculator.Fill(ref _values, item, parameters);

    /// <summary>The stored values, for totals that read many of them.</summary>
    internal ref readonly TaxValues Values => ref _values;

    /// <summary>vProd = quantity × unit price, rounded.</summary>
    public decimal Product => _values.Product;

    /// <summary>vFrete.</summary>
    public decimal Freight => _values.Freight;

    /// <summary>vSeg.</summary>
    public decimal Insurance => _values.Insurance;

    /// <summary>vOutro.</summary>
    public decimal OtherExpenses => _values.OtherExpenses;

    /// <summary>vDesc, the unconditional discount.</summary>
    public decimal Discount => _values.Discount;

    /// <summary>The value of the operation: vProd + vFrete + vSeg + vOutro − vDesc.</summary>
    public decimal OperationValue => _values.OperationValue;

    /// <summary>IPI.</summary>
    public TaxLine Ipi => new(_values.IpiBase, _values.IpiRate, _values.Ipi, _values.IpiSource);

    /// <summary>The IPI CST.</summary>
    public string IpiCst => _values.IpiCst;

    /// <summary>Whether the IPI value was added to the ICMS base (sales to final consumers and non-contributors).</summary>
    public bool IpiInIcmsBase => _values.IpiInIcmsBase;

    /// <summary>The CST or CSOSN of the ICMS.</summary>
    public string IcmsCst => _values.IcmsCst;

    /// <summary>Own ICMS (<see cref="TaxLine.Reduction"/> is pRedBC).</summary>
    public TaxLine Icms => new(_values.IcmsBase, _values.IcmsRate, _values.Icms, _values.IcmsSource, _values.IcmsBaseReduction);

    /// <summary>FCP on the ICMS base.</summary>
    public TaxLine Fcp => new(_values.IcmsBase, _values.FcpRate, _values.Fcp, _values.IcmsSource);

    /// <summary>The MVA applied to the ST base, in % (adjusted when the rule asks for it, 4 places).</summary>
    public decimal StMva => _values.StMva;

    /// <summary>
    /// The own ICMS deducted from the ST: <see cref="Icms"/>'s value, or, for CST 30 and CSOSN 201–203 (own operation
    /// not taxed on the invoice), the ICMS the own operation would bear at its rate.
    /// </summary>
    public decimal StOwnIcms => _values.StOwnIcms;

    /// <summary>ICMS-ST: the ST rate on the ST base minus <see cref="StOwnIcms"/>, never below zero.</summary>
    public TaxLine IcmsSt => new(_values.StBase, _values.StRate, _values.IcmsSt, _values.StSource, _values.StBaseReduction);

    /// <summary>FCP-ST: the FCP-ST rate on the ST base minus the own FCP, never below zero.</summary>
    public TaxLine FcpSt => new(_values.StBase, _values.FcpStRate, _values.FcpSt, _values.StSource);

    /// <summary>The DIFAL method used, when DIFAL applies.</summary>
    public DifalMethod? DifalMethod => _values.DifalMethod;

    /// <summary>vICMSUFDest: the destination rate on the DIFAL base minus the own ICMS (100 % to the destination since 2019).</summary>
    public TaxLine Difal => new(_values.DifalBase, _values.DifalRate, _values.Difal, _values.DifalSource);

    /// <summary>vFCPUFDest: the destination FCP on the DIFAL base.</summary>
    public TaxLine FcpDestination => new(_values.DifalBase, _values.FcpDestinationRate, _values.FcpDestination, _values.DifalSource);

    /// <summary>The PIS/COFINS CST.</summary>
    public string PisCofinsCst => _values.PisCofinsCst;

    /// <summary>PIS.</summary>
    public TaxLine Pis => new(_values.PisCofinsBase, _values.PisRate, _values.Pis, _values.PisCofinsSource);

    /// <summary>COFINS.</summary>
    public TaxLine Cofins => new(_values.PisCofinsBase, _values.CofinsRate, _values.Cofins, _values.PisCofinsSource);

    /// <summary>The IBS/CBS CST (UB13).</summary>
    public string IbsCbsCst => _values.IbsCbsCst;

    /// <summary>The IBS/CBS cClassTrib (UB14).</summary>
    public string IbsCbsClassTrib => _values.IbsCbsClassTrib;

    /// <summary>CBS (rate is pAliqEfet).</summary>
    public TaxLine Cbs => new(_values.IbsCbsBase, _values.CbsRate, _values.Cbs, _values.IbsCbsSource, _values.CbsReduction);

    /// <summary>IBS of the state (rate is pAliqEfet, reduction the gIBSUF pRedAliq).</summary>
    public TaxLine IbsUf => new(_values.IbsCbsBase, _values.IbsUfRate, _values.IbsUf, _values.IbsCbsSource, _values.IbsUfReduction);

    /// <summary>IBS of the municipality (rate is pAliqEfet, reduction the gIBSMun pRedAliq).</summary>
    public TaxLine IbsMun => new(_values.IbsCbsBase, _values.IbsMunRate, _values.IbsMun, _values.IbsCbsSource, _values.IbsMunReduction);

    /// <summary>vIBS = vIBSUF + vIBSMun.</summary>
    public decimal Ibs => _values.IbsUf + _values.IbsMun;

    /// <summary>Whether CBS and IBS are part of <see cref="ItemTotal"/> (not in 2026).</summary>
    public bool IbsCbsInTotal => _values.IbsCbsInTotal;

    /// <summary>
    /// The item's total as it enters vNF (TAXES.md §1.8): vProd − vDesc + vICMSST + vFCPST + vFrete + vSeg + vOutro + vIPI,
    /// plus vIBS + vCBS when <see cref="IbsCbsInTotal"/>.
    /// </summary>
    public decimal ItemTotal => _values.ItemTotal;
}

/// <summary>
/// A breakdown's values, one field each: taxes computed together keep one base and one rule id (a tax that does not
/// apply has zero base, rate and value, and an empty id); the values are those of the NF-e fields, rounded, and the sums
/// the calculator adds up (the value of the operation, the PIS/COFINS and CBS/IBS bases, the item total) are stored as
/// computed. Each amount is kept in 8 bytes and each rate, reduction or MVA in 4 (<see cref="CompactDecimal"/>): NF-e values
/// are cents and rates have up to 4 places (3v2-4), so their digits fit; a value that does not goes to a small overflow
/// array, exact all the same.
/// </summary>
internal struct TaxValues
{
    private long _product, _freight, _insurance, _otherExpenses, _discount, _ipiBase, _ipi, _icmsBase, _icms, _fcp, _stOwnIcms, _stBase, _icmsSt, _fcpSt, _difalBase, _difal, _fcpDestination, _pis, _cofins, _cbs, _ibsUf, _ibsMun, _operationValue, _pisCofinsBase, _ibsCbsBase, _itemTotal;
    private int _ipiRate, _icmsBaseReduction, _icmsRate, _fcpRate, _stMva, _stBaseReduction, _stRate, _fcpStRate, _difalRate, _fcpDestinationRate, _pisRate, _cofinsRate, _cbsReduction, _cbsRate, _ibsUfReduction, _ibsUfRate, _ibsMunReduction, _ibsMunRate;
    private decimal[]? _overflow;
    private byte _difalMethod; // 0 when DIFAL does not apply, else the method + 1

    public decimal Product { readonly get => Get(_product); set => Put(ref _product, value); }
    public decimal Freight { readonly get => Get(_freight); set => Put(ref _freight, value); }
    public decimal Insurance { readonly get => Get(_insurance); set => Put(ref _insurance, value); }
    public decimal OtherExpenses { readonly get => Get(_otherExpenses); set => Put(ref _otherExpenses, value); }
    public decimal Discount { readonly get => Get(_discount); set => Put(ref _discount, value); }
    public decimal IpiBase { readonly get => Get(_ipiBase); set => Put(ref _ipiBase, value); }
    public decimal IpiRate { readonly get => Get(_ipiRate); set => Put(ref _ipiRate, value); }
    public decimal Ipi { readonly get => Get(_ipi); set => Put(ref _ipi, value); }
    public decimal IcmsBase { readonly get => Get(_icmsBase); set => Put(ref _icmsBase, value); }
    public decimal IcmsBaseReduction { readonly get => Get(_icmsBaseReduction); set => Put(ref _icmsBaseReduction, value); }
    public decimal IcmsRate { readonly get => Get(_icmsRate); set => Put(ref _icmsRate, value); }
    public decimal Icms { readonly get => Get(_icms); set => Put(ref _icms, value); }
    public decimal FcpRate { readonly get => Get(_fcpRate); set => Put(ref _fcpRate, value); }
    public decimal Fcp { readonly get => Get(_fcp); set => Put(ref _fcp, value); }
    public decimal StMva { readonly get => Get(_stMva); set => Put(ref _stMva, value); }
    public decimal StOwnIcms { readonly get => Get(_stOwnIcms); set => Put(ref _stOwnIcms, value); }
    public decimal StBase { readonly get => Get(_stBase); set => Put(ref _stBase, value); }
    public decimal StBaseReduction { readonly get => Get(_stBaseReduction); set => Put(ref _stBaseReduction, value); }
    public decimal StRate { readonly get => Get(_stRate); set => Put(ref _stRate, value); }
    public decimal IcmsSt { readonly get => Get(_icmsSt); set => Put(ref _icmsSt, value); }
    public decimal FcpStRate { readonly get => Get(_fcpStRate); set => Put(ref _fcpStRate, value); }
    public decimal FcpSt { readonly get => Get(_fcpSt); set => Put(ref _fcpSt, value); }
    public decimal DifalBase { readonly get => Get(_difalBase); set => Put(ref _difalBase, value); }
    public decimal DifalRate { readonly get => Get(_difalRate); set => Put(ref _difalRate, value); }
    public decimal Difal { readonly get => Get(_difal); set => Put(ref _difal, value); }
    public decimal FcpDestinationRate { readonly get => Get(_fcpDestinationRate); set => Put(ref _fcpDestinationRate, value); }
    public decimal FcpDestination { readonly get => Get(_fcpDestination); set => Put(ref _fcpDestination, value); }
    public decimal PisRate { readonly get => Get(_pisRate); set => Put(ref _pisRate, value); }
    public decimal Pis { readonly get => Get(_pis); set => Put(ref _pis, value); }
    public decimal CofinsRate { readonly get => Get(_cofinsRate); set => Put(ref _cofinsRate, value); }
    public decimal Cofins { readonly get => Get(_cofins); set => Put(ref _cofins, value); }
    public decimal CbsReduction { readonly get => Get(_cbsReduction); set => Put(ref _cbsReduction, value); }
    public decimal CbsRate { readonly get => Get(_cbsRate); set => Put(ref _cbsRate, value); }
    public decimal Cbs { readonly get => Get(_cbs); set => Put(ref _cbs, value); }
    public decimal IbsUfReduction { readonly get => Get(_ibsUfReduction); set => Put(ref _ibsUfReduction, value); }
    public decimal IbsUfRate { readonly get => Get(_ibsUfRate); set => Put(ref _ibsUfRate, value); }
    public decimal IbsUf { readonly get => Get(_ibsUf); set => Put(ref _ibsUf, value); }
    public decimal IbsMunReduction { readonly get => Get(_ibsMunReduction); set => Put(ref _ibsMunReduction, value); }
    public decimal IbsMunRate { readonly get => Get(_ibsMunRate); set => Put(ref _ibsMunRate, value); }
    public decimal IbsMun { readonly get => Get(_ibsMun); set => Put(ref _ibsMun, value); }

    /// <summary>vProd + vFrete + vSeg + vOutro − vDesc.</summary>
    public decimal OperationValue { readonly get => Get(_operationValue); set => Put(ref _operationValue, value); }

    /// <summary>The value of the operation, without the ICMS (Tema 69) and FCP when the company excludes them.</summary>
    public decimal PisCofinsBase { readonly get => Get(_pisCofinsBase); set => Put(ref _pisCofinsBase, value); }

    /// <summary>UB16-10: the value of the operation less PIS, COFINS, ICMS, FCP, DIFAL and the destination FCP.</summary>
    public decimal IbsCbsBase { readonly get => Get(_ibsCbsBase); set => Put(ref _ibsCbsBase, value); }

    /// <summary>vItem (TAXES.md §1.8), with CBS/IBS only when they add to it.</summary>
    public decimal ItemTotal { readonly get => Get(_itemTotal); set => Put(ref _itemTotal, value); }

    /// <summary>The DIFAL method used, when DIFAL applies.</summary>
    public DifalMethod? DifalMethod
    {
        readonly get => _difalMethod == 0 ? null : (DifalMethod)(_difalMethod - 1);
        set => _difalMethod = value is { } method ? (byte)(method + 1) : (byte)0;
    }

    public string IpiSource, IpiCst, IcmsSource, IcmsCst, StSource, DifalSource, PisCofinsSource, PisCofinsCst, IbsCbsSource, IbsCbsCst, IbsCbsClassTrib;
    public bool IpiInIcmsBase, IbsCbsInTotal;

    /// <summary>How many values are kept whole because they do not fit their slot (one place per field at most).</summary>
    internal readonly int OverflowPlaces => _overflow?.Length ?? 0;

    private readonly decimal Get(long slot) => CompactDecimal.IsOverflow(slot) ? _overflow![CompactDecimal.OverflowIndex(slot)] : CompactDecimal.Unpack(slot);

    private readonly decimal Get(int slot) => Get((long)(uint)slot);

    /// <summary>Packs <paramref name="value"/> into <paramref name="slot"/>; a value that does not fit takes the slot's overflow place, or a new one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(ref long slot, decimal value)
    {
        if (!CompactDecimal.TryPack(value, out long packed))
            packed = Overflow(slot, value);
        slot = packed;
    }

    /// <summary>The same in a 4-byte slot: an overflow mark fits one, since a breakdown has fewer than 2^26 places.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(ref int slot, decimal value)
    {
        if (!CompactDecimal.TryPackNarrow(value, out int packed))
            packed = (int)Overflow((uint)slot, value);
        slot = packed;
    }

    /// <summary>Keeps <paramref name="value"/> whole, at the place of the slot's <paramref name="previous"/> value when that overflowed too; the slot's new mark.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long Overflow(long previous, decimal value)
    {
        int index;
        if (CompactDecimal.IsOverflow(previous))
            index = CompactDecimal.OverflowIndex(previous);
        else
        {
            index = _overflow is null ? 0 : _overflow.Length;
            Array.Resize(ref _overflow, index + 1);
        }
        _overflow![index] = value;
        return CompactDecimal.Overflow(index);
    }
}
