using System.Security.Cryptography;
using Ticketing.Domain.Queue;

namespace Ticketing.UnitTests.Domain.Queue;

public sealed class PreQueueDrawTests
{
    [Fact]
    public void The_same_seed_gives_the_same_order_whatever_order_the_entries_come_in()
    {
        var seed = PreQueueDraw.NewSeed();
        var ids = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToList();

        PreQueueDraw.Order(seed, ids).ShouldBe(PreQueueDraw.Order(seed, Enumerable.Reverse(ids)));
    }

    [Fact]
    public void Another_seed_gives_another_order_and_joining_first_is_no_advantage()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToList();

        var first = PreQueueDraw.Order(PreQueueDraw.NewSeed(), ids);
        var second = PreQueueDraw.Order(PreQueueDraw.NewSeed(), ids);

        first.ShouldNotBe(second);
        first.ShouldNotBe(ids);
        first.ShouldBe(ids, ignoreOrder: true);
    }

    [Fact]
    public void The_commitment_is_the_hex_SHA256_of_the_seed()
    {
        var seed = PreQueueDraw.NewSeed();

        PreQueueDraw.Commitment(seed).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(seed)));
        seed.Length.ShouldBe(32);
    }
}
