namespace DentalHub.Connectors.Demo;

/// <summary>
/// A random stream per (seed, day or record, purpose), so what is generated for one day or one appointment never
/// depends on which other days are in the schedule: a day keeps its appointments as the schedule moves on.
/// Not <see cref="HashCode"/>, which is randomized per process.
/// </summary>
public static class DemoRandom
{
    public static Random For(int seed, long key, int purpose)
    {
        unchecked
        {
            var mixed = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)key * 0xBF58476D1CE4E5B9UL ^ (ulong)purpose * 0x94D049BB133111EBUL;
            mixed ^= mixed >> 31;
            mixed *= 0xD6E8FEB86659FD93UL;
            mixed ^= mixed >> 32;
            return new Random((int)(mixed & 0x7FFFFFFF));
        }
    }
}
