using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FairShare.Web.Tests;

/// <summary>Keeps every log entry with the values of the scopes around it.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Message, LogLevel Level, Dictionary<string, string?> Scope)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>();
            provider._scopes.ForEachScope((value, into) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        into[key] = item?.ToString();
                    }
                }
                else
                {
                    into[$"scope{into.Count}"] = value?.ToString();
                }
            }, scope);
            provider.Entries.Enqueue((formatter(state, exception) + (exception is null ? "" : " " + exception), logLevel, scope));
        }
    }
}
