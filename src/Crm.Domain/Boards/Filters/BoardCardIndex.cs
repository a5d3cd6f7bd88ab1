using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// The in-memory read model of one board's cards for filtering and paging: per card only what a filter reads, column
/// by column (stage, state flags, both dates, last update, tag and member masks, seller), so a filter streams a few
/// compact arrays instead of every <see cref="Card"/> object, and materialises only the cards of the page it returns.
/// Built once from a snapshot of the board's cards, then kept current by <see cref="Track"/> after each change to a card:
/// re-reading one card's row is O(1) and cannot drift from the card (card events alone would miss tag, member and task
/// edits). It evaluates a <see cref="CardSpecification"/>'s concrete bounds, sets and cutoffs, giving exactly what the
/// specification's expressions give. Queries may run side by side; <see cref="Track"/> must not run alongside them
/// (the application serialises a board's writes).
/// </summary>
public sealed class BoardCardIndex
{
    private const byte Archived = 1, Lost = 2, Customer = 4, Service = 8, Deleted = 16, HasTasks = 32;
    private const byte Closed = Archived | Lost | Customer | Service | Deleted;
    private const int ExactBits = 63;

    private readonly Dictionary<CardId, int> _rows = [];
    private readonly Dictionary<BoardStageId, int> _stageIds = [];
    private readonly Interned<TagId> _tagIds;
    private readonly Interned<UserId> _userIds;
    private Card[] _cards = [];
    private CardId[] _ids = [];
    private int[] _stage = [];
    private byte[] _flags = [];
    private Instant[] _created = [];
    private Instant[] _registered = [];
    private Instant[] _updated = [];
    private ulong[] _tags = [];
    private ulong[] _members = [];
    private int[] _seller = [];
    private int _count;

    /// <summary>Indexes the cards of <paramref name="board"/> among <paramref name="cards"/> (deleted cards and other boards' cards are left out).</summary>
    /// <param name="board">The board.</param>
    /// <param name="cards">Its cards; cards of other boards are ignored.</param>
    public BoardCardIndex(Board board, IEnumerable<Card> cards)
        : this(board, cards, ExactBits)
    {
    }

    /// <summary>As the public constructor, with fewer tag and user bits of their own (tests reach the shared bit with few values).</summary>
    internal BoardCardIndex(Board board, IEnumerable<Card> cards, int exactBits)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(cards);
        Board = board.Id;
        _tagIds = new(exactBits);
        _userIds = new(exactBits);
        // The board's own stages, tags and users first: they get the low ids, and their own mask bits.
        foreach (var stage in board.Stages)
            StageId(stage.Id);
        foreach (var tag in board.Tags)
            _tagIds.Intern(tag.Id);
        foreach (var user in board.Users)
            _userIds.Intern(user);
        if (cards.TryGetNonEnumeratedCount(out var count))
        {
            Resize(count);
            _rows.EnsureCapacity(count);
        }
        foreach (var card in cards)
            Track(card);
    }

    /// <summary>The board.</summary>
    public BoardId Board { get; }

    /// <summary>Records the card's current state: adds a new card of the board, rewrites a known one (a deleted card then never shows).</summary>
    /// <param name="card">A card just opened or changed; cards of other boards are ignored.</param>
    public void Track(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Board != Board)
            return;
        if (!_rows.TryGetValue(card.Id, out var row))
        {
            if (card.DeletedAt is not null)
                return;
            if (_count == _cards.Length)
                Resize(Math.Max(16, _count * 2));
            row = _count++;
            _rows.Add(card.Id, row);
        }
        _cards[row] = card;
        _ids[row] = card.Id;
        _stage[row] = StageId(card.Stage);
        _flags[row] = (byte)((card.ArchivedAt is null ? 0 : Archived) | (card.LostAt is null ? 0 : Lost)
            | (card.ConvertedToCustomerAt is null ? 0 : Customer) | (card.ConvertedToServiceAt is null ? 0 : Service)
            | (card.DeletedAt is null ? 0 : Deleted) | (card.HasTasks ? HasTasks : 0));
        _created[row] = card.CreatedAt;
        _registered[row] = card.ProspectRegisteredAt;
        _updated[row] = card.UpdatedAt;
        _tags[row] = _tagIds.Mask(card.Tags);
        _members[row] = _userIds.Mask(card.Members);
        _seller[row] = card.Seller is { } seller ? _userIds.Intern(seller) + 1 : 0;
    }

    /// <summary>
    /// The board as the user sees it, in one pass: for each stage of <paramref name="spec"/>'s board, in order, how many
    /// cards match and the first page of them.
    /// </summary>
    /// <param name="spec">The filter, made for this index's board.</param>
    public IReadOnlyList<BoardColumn> Columns(CardSpecification spec)
    {
        var filter = new RowFilter(this, spec);
        var column = new int[_stageIds.Count];
        Array.Fill(column, -1);
        for (var i = 0; i < spec.Stages.Count; i++)
            if (_stageIds.TryGetValue(spec.Stages[i], out var stage))
                column[stage] = i;
        var totals = new int[spec.Stages.Count];
        var pages = spec.Stages.Select(_ => new BestRows(this, filter.Keys, spec.Order, spec.PageSize)).ToArray();
        for (var row = 0; row < _count; row++)
        {
            var at = column[_stage[row]];
            if (at < 0 || !filter.Matches(row))
                continue;
            totals[at]++;
            pages[at].Offer(row);
        }
        return [.. spec.Stages.Select((stage, i) => new BoardColumn(stage, totals[i], pages[i].Drain(0)))];
    }

    /// <summary>Page <paramref name="page"/> (0-based) of one list, in the filter's order; empty beyond the last page.</summary>
    /// <param name="spec">The filter, made for this index's board.</param>
    /// <param name="stage">The list.</param>
    /// <param name="page">The page number, from 0.</param>
    public IReadOnlyList<Card> Page(CardSpecification spec, BoardStageId stage, int page)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        var filter = new RowFilter(this, spec);
        if ((long)page * spec.PageSize >= _count || !_stageIds.TryGetValue(stage, out var wanted))
            return [];
        var best = new BestRows(this, filter.Keys, spec.Order, (page + 1) * spec.PageSize);
        for (var row = 0; row < _count; row++)
            if (_stage[row] == wanted && filter.Matches(row))
                best.Offer(row);
        return best.Drain(page * spec.PageSize);
    }

    private int StageId(BoardStageId stage)
    {
        if (!_stageIds.TryGetValue(stage, out var id))
            _stageIds.Add(stage, id = _stageIds.Count);
        return id;
    }

    private void Resize(int size)
    {
        Array.Resize(ref _cards, size);
        Array.Resize(ref _ids, size);
        Array.Resize(ref _stage, size);
        Array.Resize(ref _flags, size);
        Array.Resize(ref _created, size);
        Array.Resize(ref _registered, size);
        Array.Resize(ref _updated, size);
        Array.Resize(ref _tags, size);
        Array.Resize(ref _members, size);
        Array.Resize(ref _seller, size);
    }

    /// <summary>One specification over the index's rows: the same tests as its <see cref="CardSpecification.Where"/>, on compact fields.</summary>
    private sealed class RowFilter
    {
        private readonly BoardCardIndex _index;
        private readonly byte _tested;
        private readonly byte _required;
        private readonly Instant _from;
        private readonly Instant _last;
        private readonly bool[]? _sellers;
        private readonly AnyOf<TagId>? _tags;
        private readonly AnyOf<UserId>? _members;
        private readonly TriState _stagnant;
        private readonly Instant[] _stagnantBefore;

        public RowFilter(BoardCardIndex index, CardSpecification spec)
        {
            ArgumentNullException.ThrowIfNull(spec);
            if (spec.Board != index.Board)
                throw new ArgumentException("The specification is for another board.", nameof(spec));
            _index = index;
            var form = spec.Form;
            Keys = form.DateKind == CardDateKind.ProspectRegistered ? index._registered : index._created;
            (_tested, _required) = StateFlags(form);
            // The half-open range [From, Until) as a closed one: instants are whole nanoseconds.
            _from = spec.From ?? Instant.MinValue;
            _last = spec.Until is { } until ? until - Duration.Epsilon : Instant.MaxValue;
            if (form.Sellers.Count > 0)
            {
                _sellers = new bool[index._userIds.Count + 1];
                foreach (var seller in form.Sellers)
                    if (index._userIds.Find(seller) is var id and >= 0)
                        _sellers[id + 1] = true;
            }
            if (form.Tags.Count > 0)
                _tags = new(form.Tags, index._tagIds, c => c.Tags);
            if (form.Users.Count > 0)
                _members = new(form.Users, index._userIds, c => c.Members);
            _stagnant = form.Stagnant;
            // Per stage id, the instant before which an open card there is stagnant; stages without a threshold never are.
            _stagnantBefore = new Instant[index._stageIds.Count];
            Array.Fill(_stagnantBefore, Instant.MinValue);
            foreach (var (stage, before) in spec.Cutoffs)
                if (index._stageIds.TryGetValue(stage, out var id))
                    _stagnantBefore[id] = before;
        }

        /// <summary>The sort key column.</summary>
        public Instant[] Keys { get; }

        /// <summary>The flags a row must show (<c>Required</c>) among those the filter looks at (<c>Tested</c>); deleted cards never match.</summary>
        private static (byte Tested, byte Required) StateFlags(CardFilterDraft form)
        {
            int tested = Deleted, required = 0;
            foreach (var (state, flag) in new[] { (form.Archived, Archived), (form.Lost, Lost), (form.ConvertedToCustomer, Customer),
                         (form.ConvertedToCustomerService, Service), (form.HasTasks, HasTasks) })
            {
                tested |= state == TriState.All ? 0 : flag;
                required |= state == TriState.Yes ? flag : 0;
            }
            return ((byte)tested, (byte)required);
        }

        public bool Matches(int row)
        {
            var index = _index;
            var flags = index._flags[row];
            if ((flags & _tested) != _required)
                return false;
            var key = Keys[row];
            if (key < _from || key > _last)
                return false;
            if (_sellers is not null && !_sellers[index._seller[row]])
                return false;
            if (_tags is not null && !_tags.Matches(index._tags[row], index._cards[row]))
                return false;
            if (_members is not null && !_members.Matches(index._members[row], index._cards[row]))
                return false;
            return _stagnant == TriState.All
                || ((flags & Closed) == 0 && index._updated[row] < _stagnantBefore[index._stage[row]]) == (_stagnant == TriState.Yes);
        }
    }

    /// <summary>
    /// Keeps the first <c>capacity</c> rows of a stream in (key, id) order without sorting the stream: a heap whose top
    /// is the worst row kept, so each further row costs one comparison unless it belongs in the page.
    /// </summary>
    private sealed class BestRows : IComparer<int>
    {
        private readonly BoardCardIndex _index;
        private readonly Instant[] _keys;
        private readonly int _direction;
        private readonly int _capacity;
        private readonly PriorityQueue<int, int> _heap;

        public BestRows(BoardCardIndex index, Instant[] keys, SortOrder order, int capacity)
        {
            _index = index;
            _keys = keys;
            _direction = order == SortOrder.Ascending ? 1 : -1;
            _capacity = capacity;
            _heap = new(this);
        }

        public void Offer(int row)
        {
            if (_heap.Count < _capacity)
                _heap.Enqueue(row, row);
            else if (Order(row, _heap.Peek()) < 0)
                _heap.DequeueEnqueue(row, row);
        }

        /// <summary>The cards kept, best first, from position <paramref name="skip"/> on.</summary>
        public List<Card> Drain(int skip)
        {
            var rows = new int[_heap.Count];
            for (var i = rows.Length - 1; i >= 0; i--)
                rows[i] = _heap.Dequeue();
            return [.. rows.Skip(skip).Select(row => _index._cards[row])];
        }

        /// <summary>The heap's order: the worst row first.</summary>
        public int Compare(int x, int y) => Order(y, x);

        /// <summary>Negative when row <paramref name="a"/> comes first in the requested order.</summary>
        private int Order(int a, int b)
        {
            var byKey = _keys[a].CompareTo(_keys[b]);
            return _direction * (byKey != 0 ? byKey : _index._ids[a].CompareTo(_index._ids[b]));
        }
    }
}
