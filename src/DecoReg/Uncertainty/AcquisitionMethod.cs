namespace DecoReg.Uncertainty;

/// <summary>How <see cref="Acquisition"/> spreads a batch over the most uncertain candidates, in the model's representation.</summary>
public enum AcquisitionMethod
{
    /// <summary>
    /// Greedy k-center: each pick is the candidate farthest from every row chosen or labelled. Covers the candidates'
    /// extremes first, so isolated (often noisy) rows are taken early.
    /// </summary>
    Farthest,

    /// <summary>
    /// Largest cluster, maximum distance (LCMD; Holzmüller et al., JMLR 2023): every candidate belongs to its nearest
    /// chosen or labelled row; each pick is the farthest candidate of the cluster whose candidates are together the
    /// farthest from their centre (the largest sum of squared distances). Dense, poorly covered regions are served
    /// before lone outliers.
    /// </summary>
    LargestCluster,
}
