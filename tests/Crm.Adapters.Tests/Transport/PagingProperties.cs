using System.Globalization;
using Crm.Adapters.Http;
using Crm.Adapters.Mega;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Integration;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// Paging, both sides: the fake servers' pages (TOTVS <c>page</c>/<c>pageSize</c> from 1, Senior X <c>offset</c>/<c>size</c>
/// from 0) read by the transports' page parsers until the last page give every record once, in order, in
/// ⌈n / size⌉ pages (one for an empty list), whatever the list and page sizes (at most 100 a page).
/// </summary>
public sealed class PagingProperties
{
    private static readonly ErpId Erp = ErpId.Of("paging");

    private static (List<string> Items, int Pages) ReadAll(Func<int, FakeAnswer> answer, Func<string, int, ErpListPage> parse, int first)
    {
        var items = new List<string>();
        for (var page = first; ; page++)
        {
            var read = parse(answer(page).Json!, page);
            items.AddRange(read.Items);
            if (!read.HasNext || page - first > 1_000)
                return (items, page - first + 1);
        }
    }

    private static Property EveryRecordOnceInOrder(List<string> read, int pages, int count, int size)
    {
        var expected = Enumerable.Range(1, count).Select(i => $"\"{i}\"").ToList();
        var pageSize = Math.Min(size, 100);
        return (read.SequenceEqual(expected) && pages == Math.Max(1, (count + pageSize - 1) / pageSize)).Label($"{count} records, size {size}: {pages} pages");
    }

    private static List<string> Records(int count) => [.. Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private static Dictionary<string, string> Query(string pageName, int page, string sizeName, int size) =>
        new() { [pageName] = page.ToString(CultureInfo.InvariantCulture), [sizeName] = size.ToString(CultureInfo.InvariantCulture) };

    [Property]
    public Property Totvs_pages_read_until_has_next_is_false_give_every_record_once(NonNegativeInt n, PositiveInt s)
    {
        var (count, size) = (n.Get % 260, (s.Get % 130) + 1);
        var all = Records(count);
        var (read, pages) = ReadAll(page => TotvsPage<string>.Answer(all, Query("page", page, "pageSize", size)),
            (json, _) => ErpListPage.ParseTotvs(Erp, json).AsT0, first: 1);
        return EveryRecordOnceInOrder(read, pages, count, size);
    }

    [Property]
    public Property Senior_x_pages_read_to_the_last_page_give_every_record_once(NonNegativeInt n, PositiveInt s)
    {
        var (count, size) = (n.Get % 260, (s.Get % 130) + 1);
        var all = Records(count);
        var (read, pages) = ReadAll(page => SeniorXPage<string>.Answer(all, Query("offset", page, "size", size)),
            (json, page) => MegaTransport.ParsePage(json, page).AsT0, first: 0);
        return EveryRecordOnceInOrder(read, pages, count, size);
    }
}
