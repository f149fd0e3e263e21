/** Image sources, layer streams, whiteouts and the merged file view. */
package io.stella.image;
