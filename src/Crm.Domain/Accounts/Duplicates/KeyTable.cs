namespace Crm.Domain.Accounts.Duplicates;

/// <summary>
/// A compact hash map from 64-bit keys to ints (open addressing, linear probing, Fibonacci hashing so that sequential keys
/// such as phone numbers spread): 12 bytes per slot instead of the 24–28 of a <see cref="Dictionary{TKey, TValue}"/> entry.
/// Keys are never removed; <see cref="int.MinValue"/> marks an empty slot and cannot be stored.
/// </summary>
internal sealed class KeyTable
{
    private const int Empty = int.MinValue;
    private ulong[] _keys;
    private int[] _values;
    private int _shift;
    private int _count;

    public KeyTable()
    {
        _keys = new ulong[16];
        _values = NewValues(16);
        _shift = 64 - 4;
    }

    public bool TryGetValue(ulong key, out int value)
    {
        var mask = _keys.Length - 1;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            value = _values[i];
            if (value == Empty)
                return false;
            if (_keys[i] == key)
                return true;
        }
    }

    public void Set(ulong key, int value)
    {
        if (_count * 4 >= _keys.Length * 3)
            Grow();
        var mask = _keys.Length - 1;
        var i = Home(key);
        while (_values[i] != Empty && _keys[i] != key)
            i = (i + 1) & mask;
        if (_values[i] == Empty)
            _count++;
        _keys[i] = key;
        _values[i] = value;
    }

    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new ulong[keys.Length * 2];
        _values = NewValues(keys.Length * 2);
        _shift--;
        _count = 0;
        for (var i = 0; i < keys.Length; i++)
            if (values[i] != Empty)
                Set(keys[i], values[i]);
    }

    private static int[] NewValues(int length)
    {
        var values = new int[length];
        Array.Fill(values, Empty);
        return values;
    }
}
