namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// What is published on a channel (by <see cref="ILiveNotifier"/> or by a database trigger), heard on this instance.
/// One connection per instance listens for every subscriber and comes back on its own after it drops.
/// </summary>
public interface ILiveFeed
{
    /// <summary>
    /// Hands each payload published on <paramref name="channel"/> to <paramref name="received"/>, which runs on the
    /// listening connection and must only enqueue or update memory. <paramref name="listening"/> runs each time the
    /// channel is listened to again (the first time and after every reconnect), once nothing more can be missed:
    /// whatever was published while the connection was down is lost, so a subscriber that must not miss anything
    /// reloads there. <paramref name="lost"/> runs when the connection drops: until <paramref name="listening"/> runs
    /// again, nothing is heard.
    /// </summary>
    void Subscribe(string channel, Action<string> received, Func<CancellationToken, Task>? listening = null, Action? lost = null);
}
