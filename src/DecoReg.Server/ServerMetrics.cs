using Prometheus;

namespace DecoReg.Server;

/// <summary>
/// The service's own Prometheus metrics (prometheus-net), in a registry per server so several servers in one process
/// (tests) do not share counters. HTTP request counts by status and latency histograms come from prometheus-net's
/// HTTP middleware on the same registry (<c>http_requests_received_total</c>, <c>http_request_duration_seconds</c>).
/// </summary>
internal sealed class ServerMetrics
{
    public ServerMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        Factory = Metrics.WithCustomRegistry(Registry);
        string[] model = ["model"];
        BatchRows = Factory.CreateHistogram("decoreg_batch_rows", "Rows decoded per batch.",
            new HistogramConfiguration { LabelNames = model, Buckets = Histogram.ExponentialBuckets(1, 2, 14) });
        BatchRequests = Factory.CreateHistogram("decoreg_batch_requests", "Requests decoded together per batch.",
            new HistogramConfiguration { LabelNames = model, Buckets = Histogram.ExponentialBuckets(1, 2, 11) });
        DecodeSeconds = Factory.CreateHistogram("decoreg_decode_seconds", "Time to decode one batch.",
            new HistogramConfiguration { LabelNames = model, Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        QueueDepth = Factory.CreateGauge("decoreg_queue_depth", "Requests waiting for the model's worker.",
            new GaugeConfiguration { LabelNames = model });
        PredictedRows = Factory.CreateCounter("decoreg_predicted_rows_total", "Rows answered.", new CounterConfiguration { LabelNames = model });
        CancelledRequests = Factory.CreateCounter("decoreg_cancelled_requests_total",
            "Requests whose client went away before their rows were decoded (rows skipped).", new CounterConfiguration { LabelNames = model });
        RejectedRequests = Factory.CreateCounter("decoreg_rejected_requests_total", "Requests refused with 503 because the queue was full.",
            new CounterConfiguration { LabelNames = model });
        Reloads = Factory.CreateCounter("decoreg_reloads_total", "Model reloads by outcome (ok, failed).",
            new CounterConfiguration { LabelNames = ["model", "outcome"] });
    }

    public CollectorRegistry Registry { get; }
    public IMetricFactory Factory { get; }
    public Histogram BatchRows { get; }
    public Histogram BatchRequests { get; }
    public Histogram DecodeSeconds { get; }
    public Gauge QueueDepth { get; }
    public Counter PredictedRows { get; }
    public Counter CancelledRequests { get; }
    public Counter RejectedRequests { get; }
    public Counter Reloads { get; }
}
